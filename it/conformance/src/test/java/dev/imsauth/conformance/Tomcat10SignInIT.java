package dev.imsauth.conformance;

@OnServer(ServerKind.TOMCAT_10)
class Tomcat10SignInIT extends SignInScenarios {
}
