package dev.imsauth.conformance;

@OnServer(ServerKind.TOMCAT_11)
class Tomcat11SignOutIT extends SignOutScenarios {
}
