package dev.unibar.core;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): core reaching for the UI toolkit. */
final class ArchFixtureCoreUsesToolkit {
    javafx.scene.Node node;
}
