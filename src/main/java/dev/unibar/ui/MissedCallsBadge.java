package dev.unibar.ui;

import dev.unibar.core.command.CommandKind;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * "2 missed" in the status line while inbound calls rang unanswered; it opens the list, where each call can be
 * called back (the dial pad's Dial command) and the agent clears the notice once seen.
 */
final class MissedCallsBadge extends Button {

    private final MissedCalls missed;
    private final BarViewModel vm;
    private final Messages msg;
    // Made when first opened: most starts never show it (see Lazy).
    private final Lazy<BarPopOver> popOver = new Lazy<>(this::makePopOver);
    private final VBox rows = new VBox(4);
    private final DateTimeFormatter time;

    MissedCallsBadge(BarViewModel vm, Messages msg, MissedCalls missed) {
        this.vm = vm;
        this.msg = msg;
        this.missed = missed;
        time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(msg.locale()).withZone(ZoneId.systemDefault());
        setId("missedCalls");
        getStyleClass().addAll("missed-calls", "small");
        setGraphic(Ui.icon(Material2MZ.PHONE_MISSED));
        setMnemonicParsing(false);
        textProperty().bind(Bindings.createStringBinding(() -> msg.format("missed.badge", missed.list().size()),
                missed.list()));
        Ui.tip(this, msg.get("missed.tooltip"));
        accessibleTextProperty().bind(Bindings.concat(textProperty(), ". ", msg.get("missed.tooltip")));
        Ui.visible(this, Bindings.isNotEmpty(missed.list()));
        setOnAction(e -> open());
        missed.list().addListener((javafx.collections.ListChangeListener<MissedCalls.Missed>) c -> {
            if (!popOver.made()) return;
            if (popOver.get().isShowing()) fill();
            if (missed.list().isEmpty()) popOver.get().hide();
        });
    }

    private BarPopOver makePopOver() {
        BarPopOver p = new BarPopOver();
        Button clear = new Button(msg.get("missed.clear"));
        clear.setId("missedClear");
        clear.setGraphic(Ui.icon(Material2AL.DONE_ALL));
        clear.setOnAction(e -> {
            missed.clear();
            p.hide();
        });
        rows.setId("missedList");
        p.content("missedPane", msg.get("missed.title"), rows, clear);
        return p;
    }

    void open() {
        if (missed.list().isEmpty()) return;
        fill();
        popOver.get().show(this);
    }

    private void fill() {
        rows.getChildren().clear();
        int i = 0;
        for (MissedCalls.Missed m : missed.list()) {
            String who = m.who() == null ? msg.get("call.party.unknown") : m.who();
            String line = m.through() == null ? msg.format("missed.row", time.format(m.at()), who)
                    : msg.format("missed.rowQueue", time.format(m.at()), who, m.through());
            Label text = new Label(line);
            text.setId("missedRow" + i);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Button back = new Button(msg.get("missed.callBack"));
            back.setId("missedCallBack" + i);
            back.setGraphic(Ui.icon(Material2MZ.PHONE_CALLBACK));
            back.setAccessibleText(msg.format("missed.callBackWho", who));
            // Calling back is dialing: only when the bar may dial now, and only a call with a number.
            back.disableProperty().bind(vm.enabledProperty(CommandKind.DIAL).not().or(
                    new javafx.beans.property.SimpleBooleanProperty(m.number() == null || m.number().isBlank())));
            Ui.visible(back, vm.supportedProperty(CommandKind.DIAL));
            back.setOnAction(e -> {
                vm.dial(m.number());
                missed.remove(m);
                popOver.get().hide();
            });
            rows.getChildren().add(new HBox(8, text, gap, back));
            i++;
        }
    }

}
