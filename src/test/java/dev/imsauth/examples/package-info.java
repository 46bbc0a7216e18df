/**
 * The code of docs/service-clients.md, run by tests exactly as the page shows it ({@code ServiceClientsDocsTest}
 * compares the page's code blocks with these files).
 */
package dev.imsauth.examples;
