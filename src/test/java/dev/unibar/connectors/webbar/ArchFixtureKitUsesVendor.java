package dev.unibar.connectors.webbar;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): the web-bar kit leaning on one vendor's folder. */
final class ArchFixtureKitUsesVendor {
    dev.unibar.connectors.ucs.UcsConnector connector;
}
