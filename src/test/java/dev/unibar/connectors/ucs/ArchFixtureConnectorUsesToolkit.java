package dev.unibar.connectors.ucs;

/** Breaks a rule on purpose (ArchitectureRulesCanFailTest): a connector using the UI toolkit. */
final class ArchFixtureConnectorUsesToolkit {
    javafx.scene.web.WebView view;
}
