package dev.imsauth.conformance;

@OnServer(ServerKind.WILDFLY)
class WildFlyProviderReasonIT extends ProviderReasonScenarios {
}
