package dev.imsauth.conformance;

@OnServer(ServerKind.WILDFLY)
class WildFlySignInIT extends SignInScenarios {
}
