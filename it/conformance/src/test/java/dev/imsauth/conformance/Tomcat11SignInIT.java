package dev.imsauth.conformance;

@OnServer(ServerKind.TOMCAT_11)
class Tomcat11SignInIT extends SignInScenarios {
}
