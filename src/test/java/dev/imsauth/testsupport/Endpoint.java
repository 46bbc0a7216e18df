package dev.imsauth.testsupport;

/** One provider endpoint: a function from the recorded request to the reply. */
@FunctionalInterface
interface Endpoint {

    Reply handle(RecordedRequest request);
}
