package dev.unibar.ui;

import dev.unibar.config.UnibarConfig;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The JavaFX application. The command line sets the configuration and the per-vendor context factory
 * through the static setters and then calls {@code Application.launch(UnibarApp.class)}: JavaFX
 * creates this class itself, so there is no constructor to pass them through.
 */
public final class UnibarApp extends Application {

    private static volatile Function<UnibarConfig, BarContext> contextFactory;
    private static volatile UnibarConfig config;
    private static volatile java.util.function.BiConsumer<Stage, BarContext> stageHook;
    private static volatile boolean startFailed;

    private BarContext context;
    private BarViewModel viewModel;
    private BarView bar;
    private Stage inspectorStage;
    private java.util.function.Consumer<Scene> shortcuts;

    public static void setContextFactory(Function<UnibarConfig, BarContext> factory) {
        contextFactory = Objects.requireNonNull(factory);
    }

    public static void setConfig(UnibarConfig c) {
        config = c;
    }

    /**
     * Desktop integration (window place, single instance, tray, start-up order), set by the app layer; it
     * runs on the FX thread with the scene set, just before the stage shows.
     */
    public static void setStageHook(java.util.function.BiConsumer<Stage, BarContext> hook) {
        stageHook = hook;
    }

    /** True once {@link #start} failed and told the agent so (the launcher then exits with 1, not 0). */
    public static boolean startFailed() {
        return startFailed;
    }

    /** bar.css; it reads the theme's colour variables, so asking for it installs the light theme if none is. */
    public static String stylesheet() {
        Theme.ensure();
        return Objects.requireNonNull(UnibarApp.class.getResource("bar.css"), "bar.css").toExternalForm();
    }

    /** The window icons, smallest first (the desktop picks the size it needs). */
    public static List<Image> icons() {
        List<Image> out = new ArrayList<>();
        for (int size : new int[]{16, 32, 64, 256}) {
            var url = UnibarApp.class.getResource("icons/unibar-" + size + ".png");
            if (url != null) out.add(new Image(url.toExternalForm()));
        }
        return out;
    }

    /**
     * Gives the window its icons once its first frame is drawn. Decoding four PNGs and scaling them for the
     * window manager took about a tenth of the time to the first frame (JFR, demo start); the desktop
     * shows the generic icon for that instant, and the menu entry has its own icon.
     */
    static void iconsAfterFirstFrame(Stage stage) {
        NextFrame.then(stage.getScene(), () -> Platform.runLater(() -> stage.getIcons().setAll(icons())));
    }

    @Override
    public void start(Stage stage) {
        UnibarConfig cfg = config != null ? config : UnibarConfig.demoConfig();
        Function<UnibarConfig, BarContext> factory = contextFactory;
        if (factory == null) throw new IllegalStateException("UnibarApp.setContextFactory was not called");
        Messages msg = Messages.forLanguage(cfg.language());
        try {
            // While the vendor context may still be in the making on its own thread: the theme (the first
            // user-agent stylesheet sets up JavaFX's style manager, 0.2-0.9 s measured here).
            stylesheet();
            context = factory.apply(cfg);
            Scene scene = buildScene(stage, context, msg);
            stage.setTitle(title(msg, context));
            stage.setScene(scene);
            iconsAfterFirstFrame(stage);
            // Closing the window quits; it asks first when that would drop a session or a call.
            stage.setOnCloseRequest(e -> {
                e.consume();
                bar.quit(Platform::exit);
            });
            if (stageHook != null) stageHook.accept(stage, context);
            stage.show();
            // Never narrower than the bar's minimum (call buttons as icons, the state in words): below that
            // something would be cut off. The minimum changes with the texts, so it is followed.
            double frame = stage.getWidth() - scene.getWidth();
            Runnable followMin = () -> stage.setMinWidth(frame + scene.getRoot().minWidth(-1));
            scene.getRoot().needsLayoutProperty().addListener((o, a, b) -> {
                if (!b) followMin.run();
            });
            followMin.run();
            KeepOnScreen.attach(stage);
            KeepOnScreen.fit(stage);
            // Started only now: the view model already listens, so no early event is missed.
            context.session().start();
        } catch (RuntimeException e) {
            // The agent has no terminal: say it in a window, and once, plainly, on stderr for the logs.
            startFailed = true;
            StartupFailure.show(msg, e, System.err);
            if (context != null) context.close();
            Platform.exit();
        }
    }

    /** "Unibar – UCS", in the agent's language, with "(demo)" when a simulator plays the vendor. */
    static String title(Messages msg, BarContext ctx) {
        String vendor = ctx.session().connector().vendor();
        String name = msg.vendorName(vendor);
        return msg.format(ctx.scenarios().isEmpty() ? "app.title.vendor" : "app.title.demo", name);
    }

    /** The whole window content; separate from {@link #start} so tests can build it on a stage of their own. */
    Scene buildScene(Stage stage, BarContext ctx, Messages msg) {
        viewModel = new BarViewModel(ctx.session());
        Node vendorNode = ctx.vendorView().orElse(null);
        BarView bar = new BarView(viewModel, msg, ctx.loginForm(), vendorNode,
                () -> toggleInspector(stage, ctx, msg));
        this.bar = bar;

        Menu view = new Menu(msg.get("menu.view"));
        view.setId("menuView");
        CheckMenuItem onTop = new CheckMenuItem(msg.get("menu.alwaysOnTop"));
        onTop.setId("menuAlwaysOnTop");
        onTop.setOnAction(e -> stage.setAlwaysOnTop(onTop.isSelected()));
        MenuItem inspector = new MenuItem(msg.get("menu.inspector"));
        inspector.setId("menuInspector");
        inspector.setOnAction(e -> toggleInspector(stage, ctx, msg));
        MenuItem quit = new MenuItem(msg.get("menu.quit"));
        quit.setId("menuQuit");
        quit.setOnAction(e -> bar.quit(stage::close));
        CheckMenuItem dark = new CheckMenuItem(msg.get("menu.darkTheme"));
        dark.setId("menuDarkTheme");
        dark.setSelected(Theme.isDark());
        dark.setOnAction(e -> Theme.apply(dark.isSelected()));
        view.getItems().addAll(onTop, dark, inspector, RecentCallsView.menuItem(stage, ctx, msg, stylesheet()), quit);
        MenuBar menus = new MenuBar(view, bar.sessionMenu());
        menus.setId("menuBar");
        if (!ctx.scenarios().isEmpty()) {
            Menu sim = new Menu(msg.get("menu.simulator"));
            sim.setId("menuSimulator");
            for (String name : ctx.scenarios()) {
                // Scenario names come from the simulator: a known one gets its translated title.
                MenuItem item = new MenuItem(msg.scenarioTitle(ctx.session().connector().vendor(), name));
                item.setId("scenario-" + name.replaceAll("[^A-Za-z0-9_-]", "_"));
                item.setOnAction(e -> ctx.runScenario(name));
                sim.getItems().add(item);
            }
            if (ctx.offersDemoCalls()) sim.getItems().add(0, demoCallsItem(sim, ctx, msg));
            sim.getItems().add(FlowRunWindow.menuItem(stage, ctx, msg, config));
            menus.getMenus().add(sim);
        }
        ctx.crm().ifPresent(c -> CrmPanels.mount(bar, view, c, msg, stage, stylesheet()));
        VBox root = new VBox(menus, bar);
        VBox.setVgrow(bar, javafx.scene.layout.Priority.ALWAYS);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet());
        bar.installShortcuts(scene);
        shortcuts = bar::installShortcuts;
        bar.prefillLogin(ctx.loginDefaults());
        bar.setAccountCodes(ctx.accountCodes());
        bar.setLookupPictures(ctx.lookupPictures());
        ScreenPopWindow pops = new ScreenPopWindow(stage, msg, stylesheet());
        ctx.openScreenPopsWith(pops::open);
        IncomingCallNotifier notifier = new IncomingCallNotifier(viewModel, msg, stage, stylesheet());
        notifier.setShortcuts(bar::installShortcuts);
        return scene;
    }

    /**
     * Simulator → Automatic demo calls: the simulator's own call every 20 s helps a demo and disturbs a
     * rehearsal. Read again whenever the menu opens, since a flow run also stops them.
     */
    private static CheckMenuItem demoCallsItem(Menu sim, BarContext ctx, Messages msg) {
        CheckMenuItem item = new CheckMenuItem(msg.get("menu.demoCalls"));
        item.setId("menuDemoCalls");
        item.setSelected(ctx.demoCallsOn());
        item.setOnAction(e -> ctx.setDemoCalls(item.isSelected()));
        sim.setOnShowing(e -> item.setSelected(ctx.demoCallsOn()));
        return item;
    }

    /** Opens the inspector beside the bar (never over it); the same shortcut or menu item closes it. */
    private void toggleInspector(Stage owner, BarContext ctx, Messages msg) {
        if (inspectorStage != null && inspectorStage.isShowing()) {
            inspectorStage.close();
            return;
        }
        inspectorStage = InspectorView.openWindow(ctx.session().inspector(), msg, owner, stylesheet());
        ((InspectorView) inspectorStage.getScene().getRoot()).addTool(new FlowRecordControl(ctx, msg));
        inspectorStage.getIcons().setAll(icons());
        if (shortcuts != null) shortcuts.accept(inspectorStage.getScene());
        InspectorView.placeBeside(inspectorStage, owner);
    }

    /** The inspector window while it is open (for tests). */
    Stage inspectorStage() {
        return inspectorStage;
    }

    @Override
    public void stop() {
        if (viewModel != null) viewModel.dispose();
        if (context != null) context.close();
    }
}
