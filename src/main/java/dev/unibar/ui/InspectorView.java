package dev.unibar.ui;

import dev.unibar.core.inspect.Inspector;
import dev.unibar.core.inspect.InspectorEntry;
import dev.unibar.core.model.Event;
import dev.unibar.json.EventJson;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The event inspector: every vendor message beside the normalized events Unibar made of it, the
 * malformed and dropped ones with their reason, and the commands the bar sent. Rows follow the
 * inspector's own bounded history; new entries are coalesced onto the FX thread like the bar's state.
 */
public final class InspectorView extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private final Inspector inspector;
    private final Messages msg;
    private final ObservableList<InspectorEntry> rows = FXCollections.observableArrayList();
    private final FilteredList<InspectorEntry> filtered = new FilteredList<>(rows);
    private final TableView<InspectorEntry> table = new TableView<>(filtered);
    private final Label counters = new Label();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<InspectorEntry> listener = e -> schedule();
    private Function<Window, File> exportChooser;
    private long lastSeq;
    private final HBox top;

    public InspectorView(Inspector inspector, Messages msg) {
        this.inspector = inspector;
        this.msg = msg;
        setId("inspector");
        getStyleClass().add("inspector");
        setSpacing(6);
        exportChooser = w -> {
            FileChooser c = new FileChooser();
            c.setTitle(msg.get("inspector.exportTitle"));
            c.setInitialFileName("unibar-events.jsonl");
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(msg.get("inspector.jsonlFiles"), "*.jsonl"));
            return c.showSaveDialog(w);
        };

        table.setId("inspectorTable");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(msg.get("inspector.empty")));
        table.getColumns().add(column("time", "inspector.col.time", 95, e -> TIME.format(e.received())));
        table.getColumns().add(column("kind", "inspector.col.kind", 85,
                e -> msg.get("inspector.kind." + e.kind().name())));
        table.getColumns().add(column("raw", "inspector.col.raw", 320, e -> e.raw() == null ? "" : e.raw()));
        table.getColumns().add(column("normalized", "inspector.col.normalized", 360, InspectorView::normalized));
        table.getColumns().add(column("problem", "inspector.col.problem", 160,
                e -> e.problem() == null ? "" : e.problem()));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(InspectorEntry item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("mapped", "malformed", "dropped", "command");
                if (!empty && item != null) getStyleClass().add(item.kind().name().toLowerCase(Locale.ROOT));
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField filter = new TextField();
        filter.setId("inspectorFilter");
        filter.setPromptText(msg.get("inspector.filter.prompt"));
        filter.textProperty().addListener((o, a, text) -> {
            String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(q.isEmpty() ? null : e -> matches(e, q));
        });
        HBox.setHgrow(filter, Priority.ALWAYS);

        Button copy = Ui.button("inspectorCopy", msg.get("inspector.copy"), this::copySelection);
        copy.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button export = Ui.button("inspectorExport", msg.get("inspector.export"), () -> {
            File f = exportChooser.apply(getScene() == null ? null : getScene().getWindow());
            if (f == null) return;
            try {
                export(f.toPath());
            } catch (UncheckedIOException ex) {
                counters.setText(msg.format("inspector.exportFailed", ex.getCause().getMessage()));
            }
        });
        Button clear = Ui.button("inspectorClear", msg.get("inspector.clear"), () -> {
            inspector.clear();
            refresh();
        });

        counters.setId("inspectorCounters");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);
        top = new HBox(6, filter, copy, export, clear);
        top.setAlignment(Pos.CENTER_LEFT);
        // Long JSON does not fit a cell: the selected row is shown whole below the table.
        javafx.scene.control.TextArea detail = new javafx.scene.control.TextArea();
        detail.setId("inspectorDetail");
        detail.setEditable(false);
        detail.setWrapText(true);
        detail.setPromptText(msg.get("inspector.detail.prompt"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> detail.setText(detail(e)));
        javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(table, detail);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(top, split, counters);

        inspector.subscribe(listener);
        refresh();
    }

    private String detail(InspectorEntry e) {
        if (e == null) return "";
        StringBuilder b = new StringBuilder();
        b.append(msg.get("inspector.col.raw")).append(":\n").append(e.raw() == null ? "" : e.raw()).append("\n\n");
        b.append(msg.get("inspector.col.normalized")).append(":\n").append(normalized(e));
        if (e.problem() != null) b.append("\n\n").append(msg.get("inspector.col.problem")).append(":\n").append(e.problem());
        return b.toString();
    }

    /** Next to the bar, on the side with more room on its screen, never on top of it. */
    static void placeBeside(Stage stage, Window owner) {
        if (owner == null) return;
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                owner.getWidth(), owner.getHeight()).stream().findFirst()
                .orElse(javafx.stage.Screen.getPrimary()).getVisualBounds();
        double below = screen.getMaxY() - (owner.getY() + owner.getHeight());
        double above = owner.getY() - screen.getMinY();
        double x = Math.max(screen.getMinX(), Math.min(owner.getX(), screen.getMaxX() - stage.getWidth()));
        if (below >= stage.getHeight() || below >= above) {
            stage.setY(owner.getY() + owner.getHeight() + 8);
            stage.setHeight(Math.min(stage.getHeight(), Math.max(200, below - 8)));
        } else {
            stage.setHeight(Math.min(stage.getHeight(), Math.max(200, above - 8)));
            // Never above the screen's top (a tall bar leaves less room above than the inspector's least height).
            stage.setY(Math.max(screen.getMinY(), owner.getY() - stage.getHeight() - 8));
        }
        stage.setX(x);
    }

    /** A window of its own; closing it stops following the inspector. */
    public static Stage openWindow(Inspector inspector, Messages msg, Window owner, String stylesheet) {
        InspectorView view = new InspectorView(inspector, msg);
        Stage stage = new Stage();
        stage.setTitle(msg.get("inspector.title"));
        if (owner != null) stage.initOwner(owner);
        Scene scene = new Scene(view, 1000, 480);
        if (stylesheet != null) scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setOnHidden(e -> view.dispose());
        stage.show();
        return stage;
    }

    /** A control of another part of the bar (the flow recorder) at the end of the top row. */
    public void addTool(javafx.scene.Node tool) {
        top.getChildren().add(tool);
    }

    public void dispose() {
        inspector.unsubscribe(listener);
    }

    public void setExportChooser(Function<Window, File> chooser) {
        this.exportChooser = chooser;
    }

    public TableView<InspectorEntry> table() {
        return table;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) Platform.runLater(this::refresh);
    }

    /** Brings the rows in line with the inspector's bounded snapshot without resetting the selection. */
    private void refresh() {
        scheduled.set(false);
        List<InspectorEntry> snap = inspector.snapshot();
        long first = snap.isEmpty() ? Long.MAX_VALUE : snap.get(0).seq();
        int drop = 0;
        while (drop < rows.size() && rows.get(drop).seq() < first) drop++;
        if (drop > 0) rows.remove(0, drop);
        List<InspectorEntry> add = new ArrayList<>();
        for (InspectorEntry e : snap) if (e.seq() > lastSeq) add.add(e);
        if (!add.isEmpty()) {
            rows.addAll(add);
            lastSeq = add.get(add.size() - 1).seq();
        }
        if (snap.isEmpty()) rows.clear();
        counters.setText(msg.format("inspector.counters", inspector.mappedCount(), inspector.malformedCount(),
                inspector.droppedCount()));
    }

    static String normalized(InspectorEntry e) {
        StringBuilder sb = new StringBuilder();
        for (Event ev : e.events()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(EventJson.line(ev));
        }
        return sb.toString();
    }

    private static boolean matches(InspectorEntry e, String q) {
        return contains(e.raw(), q) || contains(e.problem(), q) || contains(e.kind().name(), q)
                || contains(normalized(e), q);
    }

    private static boolean contains(String s, String q) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(q);
    }

    /** The selected rows as text: each raw line followed by its normalized lines (and its problem). */
    public String selectionText() {
        StringBuilder sb = new StringBuilder();
        for (InspectorEntry e : table.getSelectionModel().getSelectedItems()) {
            if (e == null) continue;
            if (e.raw() != null) sb.append(e.raw()).append('\n');
            String n = normalized(e);
            if (!n.isEmpty()) sb.append(n).append('\n');
            if (e.problem() != null) sb.append("# ").append(e.problem()).append('\n');
        }
        return sb.toString();
    }

    public void copySelection() {
        String text = selectionText();
        if (text.isEmpty()) return;
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** Every normalized event the inspector still holds, one CONTRACT line each. */
    public void export(Path file) {
        StringBuilder sb = new StringBuilder();
        for (InspectorEntry e : inspector.snapshot()) {
            for (Event ev : e.events()) sb.append(EventJson.line(ev)).append('\n');
        }
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private TableColumn<InspectorEntry, String> column(String id, String key, double width,
                                                       Function<InspectorEntry, String> value) {
        TableColumn<InspectorEntry, String> c = new TableColumn<>(msg.get(key));
        c.setId("col-" + id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return c;
    }
}
