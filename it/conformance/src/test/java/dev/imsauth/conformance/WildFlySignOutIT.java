package dev.imsauth.conformance;

@OnServer(ServerKind.WILDFLY)
class WildFlySignOutIT extends SignOutScenarios {
}
