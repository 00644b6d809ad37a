package dev.unibar.config;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): the other half of a package cycle. */
public final class ArchFixtureCycleB {
    dev.unibar.json.ArchFixtureCycleA other;
}
