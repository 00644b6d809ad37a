package dev.unibar.simkit;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): the kit knowing one vendor's simulator. */
final class ArchFixtureSimkitUsesVendor {
    dev.unibar.connectors.ucs.sim.UcsSimulator ucs;
}
