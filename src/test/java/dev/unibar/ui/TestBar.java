package dev.unibar.ui;

import dev.unibar.core.LoginForm;
import dev.unibar.core.Session;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.time.Clock;
import java.util.function.Consumer;

/** A bar over a fake vendor on a test's stage, styled and with its shortcuts, as the bar's own tests need it. */
record TestBar(FakeConnector connector, Session session, BarViewModel vm, BarView bar) {

    static TestBar show(Stage stage, FakeConnector connector) {
        return show(stage, connector, bar -> { });
    }

    /**
     * On the FX thread (a test's {@code @Start}): an English bar in the stage's top-left corner, where the robot's
     * clicks land the same way every run, with its session started. {@code before} runs before it is shown.
     */
    static TestBar show(Stage stage, FakeConnector connector, Consumer<BarView> before) {
        Session session = new Session(connector, Clock.systemUTC());
        BarViewModel vm = new BarViewModel(session);
        BarView bar = new BarView(vm, Messages.forLanguage("en"), LoginForm.plain(null), null, null);
        before.accept(bar);
        Scene scene = new Scene(bar);
        scene.getStylesheets().add(UnibarApp.stylesheet());
        bar.installShortcuts(scene);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        session.start();
        return new TestBar(connector, session, vm, bar);
    }

    /**
     * Off the FX thread: a styled bar in {@code lang} for {@code vm} on a stage of the test's own, shown; the
     * session is the test's to start. The first scene of a JVM is slow on a loaded machine: up to a minute.
     */
    static BarView onStage(Stage stage, BarViewModel vm, String lang) {
        return Fx.get(() -> {
            BarView b = new BarView(vm, Messages.forLanguage(lang), LoginForm.plain(null), null, () -> { });
            Scene scene = new Scene(b);
            scene.getStylesheets().add(UnibarApp.stylesheet());
            stage.setScene(scene);
            stage.show();
            return b;
        }, 60);
    }
}
