package dev.imsauth.conformance;

@OnServer(ServerKind.TOMCAT_9)
class Tomcat9SignInIT extends SignInScenarios {
}
