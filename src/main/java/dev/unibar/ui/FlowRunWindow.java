package dev.unibar.ui;

import dev.unibar.config.UnibarConfig;
import dev.unibar.flow.FarEnd;
import dev.unibar.flow.Flow;
import dev.unibar.flow.FlowException;
import dev.unibar.flow.FlowHtml;
import dev.unibar.flow.FlowReader;
import dev.unibar.flow.FlowReport;
import dev.unibar.flow.FlowRunner;
import dev.unibar.flow.Reason;
import dev.unibar.flow.ReportText;
import dev.unibar.flow.Step;
import dev.unibar.flow.StepResult;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Simulator → Run flow…: plays a flow on the bar's own session and simulator, so trainees watch the bar do
 * it; each step is highlighted while it runs and marked passed or failed, and the report below says what came
 * instead when a step fails. The run happens off the FX thread; the window only shows its progress.
 */
public final class FlowRunWindow extends VBox {

    enum State { PENDING, RUNNING, PASSED, FAILED, SKIPPED }

    private static final Map<State, PseudoClass> STATES = new HashMap<>();

    static {
        for (State s : State.values()) STATES.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private final BarContext ctx;
    private final FarEnd farEnd;
    private final Messages msg;
    private final Path folder;
    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final Map<Integer, State> states = new HashMap<>();
    private final ListView<Step> list = new ListView<>(steps);
    private final Label status = new Label();
    private final TextArea report = new TextArea();
    private final Button run = new Button();
    private final Button stop = new Button();
    private final Button save = new Button();
    private final Label question = new Label();
    private final HBox asking;
    private volatile CompletableFuture<Boolean> answer;
    private Flow flow;
    private FlowReport last;
    private Function<Window, java.io.File> reportChooser;
    private volatile FlowRunner runner;

    FlowRunWindow(BarContext ctx, FarEnd farEnd, Messages msg, Path folder) {
        this.ctx = ctx;
        this.farEnd = farEnd;
        this.msg = msg;
        this.folder = folder;
        setId("flowRunWindow");
        setSpacing(6);
        setPadding(new Insets(8));
        Button open = Ui.button("flowOpen", msg.get("flow.open"), this::choose);
        run.setText(msg.get("flow.run"));
        run.setId("flowRun");
        run.setDisable(true);
        run.setOnAction(e -> start());
        stop.setText(msg.get("flow.stop"));
        stop.setId("flowStop");
        stop.setDisable(true);
        stop.setOnAction(e -> {
            FlowRunner r = runner;
            if (r != null) r.cancel();
            answer(false);
        });
        list.setId("flowSteps");
        list.setCellFactory(v -> new StepCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        report.setId("flowReport");
        report.setEditable(false);
        report.setPrefRowCount(8);
        report.setStyle("-fx-font-family: monospace;");
        status.setId("flowStatus");
        status.setText(msg.get("flow.none"));
        save.setText(msg.get("flow.saveReport"));
        save.setId("flowSaveReport");
        save.setDisable(true);
        save.setOnAction(e -> {
            java.io.File f = reportChooser.apply(getScene() == null ? null : getScene().getWindow());
            if (f != null) saveReport(f.toPath());
        });
        reportChooser = w -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
            fc.setInitialFileName(last == null ? "flow-report.html" : FlowHtml.fileName(last));
            return fc.showSaveDialog(w);
        };
        asking = startOverQuestion();
        getChildren().addAll(new HBox(6, open, run, stop, save), status, asking, list, report);
    }

    /**
     * Asked once a run when the flow signs in differently from this bar: sign out and start over, or keep the
     * session (the step then fails saying what to do). Inline, so no dialog takes the keyboard from the bar.
     */
    private HBox startOverQuestion() {
        question.setId("flowStartOverQuestion");
        question.setWrapText(true);
        Button yes = Ui.button("flowStartOver", msg.get("flow.startOver.yes"), () -> answer(true));
        Button no = Ui.button("flowKeepSession", msg.get("flow.startOver.no"), () -> answer(false));
        VBox text = new VBox(4, question, new HBox(6, yes, no));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(text);
        box.setId("flowStartOverBox");
        box.getStyleClass().add("flow-question");
        box.setVisible(false);
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void answer(boolean startOver) {
        CompletableFuture<Boolean> a = answer;
        asking.setVisible(false);
        if (a != null) a.complete(startOver);
    }

    /** Runner thread: shows the question and waits for the supervisor's answer (no answer when the run stops). */
    private boolean ask(List<Reason> why) {
        CompletableFuture<Boolean> a = new CompletableFuture<>();
        answer = a;
        ResourceBundle words = Reason.words(msg.locale());
        String text = why.stream().map(r -> r.text(words)).collect(java.util.stream.Collectors.joining("\n"));
        Platform.runLater(() -> {
            question.setText(msg.format("flow.startOver.question", text));
            asking.setVisible(true);
        });
        try {
            return a.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    /** The Simulator menu's entry; disabled when the vendor's module offers no far end. */
    public static MenuItem menuItem(Stage owner, BarContext ctx, Messages msg, UnibarConfig config) {
        MenuItem item = new MenuItem(msg.get("menu.runFlow"));
        item.setId("menuRunFlow");
        item.setDisable(ctx.farEnd().isEmpty());
        Path configured = config == null ? null : config.features().flows().folder();
        item.setOnAction(e -> ctx.farEnd().ifPresent(f -> openWindow(owner, ctx, f, msg, configured, null)));
        return item;
    }

    /** Opens the window, with {@code file} already loaded when given. */
    public static FlowRunWindow openWindow(Window owner, BarContext ctx, FarEnd farEnd, Messages msg, Path folder, Path file) {
        FlowRunWindow view = new FlowRunWindow(ctx, farEnd, msg, folder);
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle(msg.get("flow.title"));
        Scene scene = new Scene(view, 640, 560);
        scene.getStylesheets().add(Objects.requireNonNull(FlowRunWindow.class.getResource("flows.css")).toExternalForm());
        s.setScene(scene);
        s.setOnHidden(e -> {
            FlowRunner r = view.runner;
            if (r != null) r.cancel();
            view.answer(false);
        });
        s.show();
        if (file != null) view.load(file);
        return view;
    }

    private void choose() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yml", "*.yaml"));
        Path dir = folder != null ? folder : Path.of("flows", ctx.session().connector().vendor());
        if (Files.isDirectory(dir)) fc.setInitialDirectory(dir.toFile());
        java.io.File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) load(f.toPath());
    }

    void load(Path file) {
        try {
            flow = FlowReader.read(file);
        } catch (FlowException e) {
            flow = null;
            steps.clear();
            run.setDisable(true);
            status.setText(msg.format("flow.readError", e.text(Reason.words(msg.locale()))));
            return;
        }
        states.clear();
        steps.setAll(flow.steps());
        report.clear();
        run.setDisable(false);
        status.setText(msg.format("flow.ready", flow.name(), flow.steps().size()));
    }

    private void start() {
        if (flow == null) return;
        Flow f = flow;
        states.clear();
        list.refresh();
        report.clear();
        run.setDisable(true);
        stop.setDisable(false);
        FlowRunner r = new FlowRunner(ctx.session(), farEnd, FlowRunner.Mode.SIMULATOR, new FlowRunner.Listener() {
            @Override
            public void started(Step step) {
                Platform.runLater(() -> {
                    mark(step, State.RUNNING);
                    list.scrollTo(step);
                    status.setText(msg.format("flow.running", step.number(), f.steps().size()));
                });
            }

            @Override
            public void finished(StepResult result) {
                Platform.runLater(() -> mark(result.step(), result.status() == StepResult.Status.PASSED ? State.PASSED : State.FAILED));
            }

            @Override
            public boolean startOver(Flow flow, List<Reason> why) {
                return ask(why);
            }
        }, Clock.systemUTC());
        runner = r;
        Thread t = new Thread(() -> {
            FlowReport rep = r.run(f);
            Platform.runLater(() -> done(rep));
        }, "unibar-flow-run");
        t.setDaemon(true);
        t.start();
    }

    private void done(FlowReport rep) {
        for (StepResult s : rep.steps()) {
            if (s.status() == StepResult.Status.SKIPPED) states.put(s.step().number(), State.SKIPPED);
        }
        list.refresh();
        ResourceBundle words = Reason.words(msg.locale());
        report.setText(ReportText.of(rep, words));
        last = rep;
        save.setDisable(false);
        runner = null;
        run.setDisable(false);
        stop.setDisable(true);
        if (rep.passed()) {
            status.setText(msg.format("flow.passed", rep.steps().size(), dev.unibar.flow.Durations.show(rep.total())));
        } else {
            StepResult failed = rep.steps().stream().filter(s -> s.status() == StepResult.Status.FAILED).findFirst().orElseThrow();
            status.setText(msg.format("flow.failed", failed.step().number(), failed.failure(words).split("\n", 2)[0]));
        }
    }

    /** Writes the last run's report as one self-contained HTML page, in the bar's language. */
    void saveReport(Path file) {
        if (last == null) return;
        try {
            Files.writeString(file, FlowHtml.of(List.of(last), Reason.words(msg.locale())), java.nio.charset.StandardCharsets.UTF_8);
            status.setText(msg.format("flow.reportSaved", file));
        } catch (java.io.IOException e) {
            status.setText(msg.format("flow.reportFailed", e.getMessage()));
        }
    }

    /** For tests: where Save report… writes, instead of asking. */
    void setReportChooser(Function<Window, java.io.File> chooser) {
        this.reportChooser = chooser;
    }

    private void mark(Step step, State s) {
        states.put(step.number(), s);
        list.refresh();
    }

    /** What the list shows of a step (tests read it). */
    State state(int number) {
        return states.getOrDefault(number, State.PENDING);
    }

    private final class StepCell extends ListCell<Step> {
        @Override
        protected void updateItem(Step step, boolean empty) {
            super.updateItem(step, empty);
            State st = empty || step == null ? null : state(step.number());
            for (Map.Entry<State, PseudoClass> e : STATES.entrySet()) pseudoClassStateChanged(e.getValue(), e.getKey() == st);
            // The step's number and what it does come from the flow file: shown as written.
            setText(empty || step == null ? null : step.number() + ". " + step.label());
            setId(empty || step == null ? null : "flowStep-" + step.number());
        }
    }
}
