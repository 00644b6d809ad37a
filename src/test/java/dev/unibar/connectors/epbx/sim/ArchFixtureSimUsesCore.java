package dev.unibar.connectors.epbx.sim;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): a simulator sharing Unibar's model. */
final class ArchFixtureSimUsesCore {
    dev.unibar.core.model.Event event;
}
