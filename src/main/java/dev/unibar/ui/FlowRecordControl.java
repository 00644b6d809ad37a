package dev.unibar.ui;

import dev.unibar.flow.FlowRecorder;
import dev.unibar.flow.FlowWriter;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The inspector's Record control: records the bar's session (its commands, the vendor's events, the steps a flow
 * run plays) and saves it as a flow file. Stop asks where first: cancelling keeps the recording going. The
 * recorder is the session's, so {@code unibar flow record} and this control see the same recording.
 */
public final class FlowRecordControl extends HBox {

    private final BarContext ctx;
    private final Messages msg;
    private final FlowRecorder recorder;
    private final Button button = new Button();
    private final Label status = new Label();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable watcher = () -> {
        if (scheduled.compareAndSet(false, true)) Platform.runLater(this::refresh);
    };
    private Function<Window, File> chooser;

    public FlowRecordControl(BarContext ctx, Messages msg) {
        super(6);
        this.ctx = ctx;
        this.msg = msg;
        this.recorder = FlowRecorder.of(ctx.session());
        setId("flowRecordControl");
        setAlignment(Pos.CENTER_LEFT);
        button.setId("inspectorRecord");
        button.setOnAction(e -> toggle());
        status.setId("inspectorRecordStatus");
        chooser = w -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(msg.get("inspector.record.title"));
            fc.setInitialFileName("recorded-flow.yml");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yml", "*.yaml"));
            return fc.showSaveDialog(w);
        };
        getChildren().addAll(button, status);
        recorder.watch(watcher);
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) recorder.unwatch(watcher);
            else recorder.watch(watcher);
        });
        refresh();
    }

    /** For tests: where Stop and save… writes, instead of asking. */
    void setChooser(Function<Window, File> chooser) {
        this.chooser = chooser;
    }

    private void toggle() {
        if (!recorder.recording()) {
            recorder.start(ctx.farEnd().orElse(null));
            refresh();
            return;
        }
        File f = chooser.apply(getScene() == null ? null : getScene().getWindow());
        if (f == null) return; // still recording
        FlowRecorder.Recording rec = recorder.stop();
        if (rec == null) {
            refresh();
            return;
        }
        if (rec.items().isEmpty()) {
            refresh();
            status.setText(msg.get("inspector.record.empty"));
            return;
        }
        try {
            Files.writeString(f.toPath(), FlowWriter.yaml(rec, null), StandardCharsets.UTF_8);
            refresh();
            status.setText(msg.format("inspector.record.saved", f, FlowWriter.steps(rec)));
        } catch (IOException e) {
            refresh();
            status.setText(msg.format("inspector.record.failed", e.getMessage()));
        }
    }

    private void refresh() {
        scheduled.set(false);
        FlowRecorder.Recording now = recorder.peek();
        button.setText(msg.get(now == null ? "inspector.record" : "inspector.record.stop"));
        if (now != null) status.setText(msg.format("inspector.record.on", FlowWriter.steps(now)));
    }
}
