/**
 * Java Flight Recorder events of ims-auth, category "ims-auth": {@code dev.imsauth.Callback},
 * {@code dev.imsauth.Refresh}, {@code dev.imsauth.TokenRequest} and {@code dev.imsauth.JwksFetch}, each with its
 * duration, outcome and reason (and the HTTP status of provider calls) — never a token, code or secret. They
 * cost nothing while no recording runs, carry no stack trace, and are recorded by any recording that enables
 * them ({@code jfr print --events dev.imsauth.Callback,dev.imsauth.Refresh rec.jfr}); see docs/events.md.
 */
package dev.imsauth.event.jfr;
