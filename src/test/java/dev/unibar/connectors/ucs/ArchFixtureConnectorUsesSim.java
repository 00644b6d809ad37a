package dev.unibar.connectors.ucs;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): connector code using its own simulator. */
final class ArchFixtureConnectorUsesSim {
    dev.unibar.connectors.ucs.sim.UcsSimulator simulator;
}
