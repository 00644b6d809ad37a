package dev.unibar.bridge;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): an inner layer reaching outwards. */
final class ArchFixtureBridgeUsesUi {
    dev.unibar.ui.Messages messages;
}
