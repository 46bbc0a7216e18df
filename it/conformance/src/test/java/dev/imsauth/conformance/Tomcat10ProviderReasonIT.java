package dev.imsauth.conformance;

@OnServer(ServerKind.TOMCAT_10)
class Tomcat10ProviderReasonIT extends ProviderReasonScenarios {
}
