package dev.unibar.json;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): one half of a package cycle. */
public final class ArchFixtureCycleA {
    dev.unibar.config.ArchFixtureCycleB other;
}
