package dev.unibar.connectors.max.sim;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): one simulator borrowing another's instead of the kit. */
final class ArchFixtureSimUsesAnotherSimulator {
    dev.unibar.connectors.evolux.sim.EvoluxSimulator evolux;
}
