package dev.unibar.ui;

import dev.unibar.core.Failures;
import dev.unibar.core.command.Command;
import dev.unibar.journal.CallJournal;
import dev.unibar.journal.CallRecord;
import dev.unibar.journal.JournalExport;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The recent-calls list: the journal's newest calls (it feeds them after every change), a search over number,
 * name, queue and campaign, redial through the same Dial command as the dial pad, and CSV/JSON export. It reads
 * journal records only, never a vendor payload.
 */
public final class RecentCallsView extends VBox implements AutoCloseable {

    private final CallJournal journal;
    private final BarContext ctx;
    private final Messages msg;
    private final ObservableList<CallRecord> calls = FXCollections.observableArrayList();
    private final FilteredList<CallRecord> shown = new FilteredList<>(calls);
    private final TableView<CallRecord> table = new TableView<>(shown);
    private final TextField search = new TextField();
    private final Label status = new Label();
    /** The newest list the journal handed over; the FX thread takes only the latest of a burst. */
    private final AtomicReference<List<CallRecord>> pending = new AtomicReference<>();
    private final Consumer<List<CallRecord>> listener = this::changed;

    public RecentCallsView(CallJournal journal, BarContext ctx, Messages msg) {
        this.journal = journal;
        this.ctx = ctx;
        this.msg = msg;
        setId("recentCallsView");
        setSpacing(6);
        setPadding(new Insets(8));
        search.setId("recentSearch");
        search.setPromptText(msg.get("recent.search.prompt"));
        search.textProperty().addListener((o, a, b) -> shown.setPredicate(c -> matches(c, b)));
        table.setId("recentCalls");
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(msg.locale())
                .withZone(ZoneId.systemDefault());
        table.getColumns().add(column("recent.column.time", c -> c.startedAt() == null ? "" : time.format(c.startedAt())));
        table.getColumns().add(column("recent.column.direction", c -> "outbound".equals(c.direction())
                ? msg.get("recent.outbound") : missed(c) ? msg.get("recent.missed")
                : "inbound".equals(c.direction()) ? msg.get("recent.inbound") : ""));
        table.getColumns().add(column("recent.column.number", c -> text(c.remoteNumber())));
        table.getColumns().add(column("recent.column.name", c -> text(c.remoteName())));
        table.getColumns().add(column("recent.column.queue", c -> text(c.queueName() != null ? c.queueName()
                : c.queueId() != null ? c.queueId() : c.campaignName() != null ? c.campaignName() : c.campaignId())));
        table.getColumns().add(column("recent.column.talk", RecentCallsView::talk));
        // How the call ended in the one vocabulary of every vendor; the vendor's own word is for the export.
        table.getColumns().add(column("recent.column.end", c -> msg.get("callEnd." + c.end().word())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);

        Button redial = Ui.button("recentRedial", msg.get("recent.redial"), this::redial);
        redial.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button csv = Ui.button("recentExportCsv", msg.get("recent.exportCsv"), () -> choose("calls.csv", false));
        Button json = Ui.button("recentExportJson", msg.get("recent.exportJson"), () -> choose("calls.json", true));
        status.setId("recentStatus");
        getChildren().addAll(search, table, new HBox(6, redial, csv, json), status);

        calls.setAll(journal.recent(CallJournal.RECENT));
        journal.subscribe(listener);
    }

    /** The View menu's entry; disabled when the journal is off. */
    public static MenuItem menuItem(Stage owner, BarContext ctx, Messages msg, String stylesheet) {
        MenuItem item = new MenuItem(msg.get("menu.recentCalls"));
        item.setId("menuRecentCalls");
        item.setDisable(ctx.journal().isEmpty());
        item.setOnAction(e -> ctx.journal().ifPresent(j -> openWindow(j, ctx, msg, owner, stylesheet)));
        return item;
    }

    public static Stage openWindow(CallJournal journal, BarContext ctx, Messages msg, Window owner, String stylesheet) {
        RecentCallsView view = new RecentCallsView(journal, ctx, msg);
        Stage s = new Stage();
        s.initOwner(owner);
        s.setTitle(msg.get("recent.title"));
        Scene scene = new Scene(view, 820, 420);
        if (stylesheet != null) scene.getStylesheets().add(stylesheet);
        s.setScene(scene);
        s.setOnHidden(e -> view.close());
        s.show();
        return s;
    }

    private void changed(List<CallRecord> recent) {
        if (pending.getAndSet(recent) == null) {
            Platform.runLater(() -> calls.setAll(pending.getAndSet(null)));
        }
    }

    static boolean matches(CallRecord c, String query) {
        if (query == null || query.isBlank()) return true;
        String q = query.trim().toLowerCase(Locale.ROOT);
        for (String v : new String[]{c.fromNumber(), c.toNumber(), c.customerNumber(), c.fromName(), c.toName(),
                c.customerName(), c.queueId(), c.queueName(), c.campaignId(), c.campaignName(), c.customerId()}) {
            if (v != null && v.toLowerCase(Locale.ROOT).contains(q)) return true;
        }
        return false;
    }

    void redial() {
        CallRecord c = table.getSelectionModel().getSelectedItem();
        if (c == null || c.remoteNumber() == null) return;
        ctx.session().send(new Command.Dial(c.remoteNumber())).whenComplete((ok, err) -> {
            if (err != null) {
                String why = Failures.unwrap(err).getMessage();
                Platform.runLater(() -> status.setText(msg.format("recent.redialFailed", why)));
            }
        });
    }

    private void choose(String name, boolean json) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) export(f.toPath(), json);
    }

    /** Writes every call in the journal (not only the shown ones) to {@code file}. */
    void export(Path file, boolean json) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<CallRecord> all = journal.all();
            if (json) JournalExport.json(all, journal.agentStates(), w);
            else JournalExport.csv(all, w);
            status.setText(msg.format("recent.exported", all.size(), file.getFileName()));
        } catch (IOException e) {
            status.setText(msg.format("recent.exportFailed", e.getMessage()));
        }
    }

    private TableColumn<CallRecord, String> column(String key, Function<CallRecord, String> value) {
        TableColumn<CallRecord, String> c = new TableColumn<>(msg.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    /** An inbound call that ended without being answered: the one to call back. */
    static boolean missed(CallRecord c) {
        return "inbound".equals(c.direction()) && c.answeredAt() == null && c.endedAt() != null;
    }

    private static String talk(CallRecord c) {
        if (c.answeredAt() == null || c.endedAt() == null) return "";
        long s = Math.max(0, Duration.between(c.answeredAt(), c.endedAt()).toSeconds());
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Override
    public void close() {
        journal.unsubscribe(listener);
    }
}
