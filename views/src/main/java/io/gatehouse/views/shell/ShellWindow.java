package io.gatehouse.views.shell;

import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.data.settings.WindowPlacement;
import io.gatehouse.views.audit.AuditLogController;
import io.gatehouse.views.audit.AuditLogViewModel;
import io.gatehouse.views.common.AppIcons;
import io.gatehouse.views.common.ErrorReporter;
import io.gatehouse.views.common.FxTaskExecutor;
import io.gatehouse.views.common.FxmlLoaderFactory;
import io.gatehouse.views.common.FxmlView;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.NotificationCenter;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TaskExecutor;
import io.gatehouse.views.common.Themes;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.views.common.Severity;
import io.gatehouse.views.common.UserMessage;
import io.gatehouse.views.connections.ConnectionsController;
import io.gatehouse.views.incidents.AlertText;
import io.gatehouse.views.incidents.AlertsController;
import io.gatehouse.views.incidents.AlertsViewModel;
import io.gatehouse.views.connections.ConnectionsAccess;
import io.gatehouse.views.connections.ConnectionsViewModel;
import io.gatehouse.views.connections.PassphraseStepUp;
import io.gatehouse.views.connections.StepUp;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.views.executive.ExecutiveController;
import io.gatehouse.views.executive.ExecutiveViewModel;
import io.gatehouse.views.executive.ExportTargets;
import io.gatehouse.views.executive.ReportExporter;
import io.gatehouse.views.keys.FxPinSource;
import io.gatehouse.views.keys.KeyCustodyController;
import io.gatehouse.views.keys.KeyCustodyViewModel;
import io.gatehouse.views.review.ReviewDeskController;
import io.gatehouse.views.review.ReviewDeskViewModel;
import io.gatehouse.views.dashboard.DashboardController;
import io.gatehouse.views.dashboard.DashboardViewModel;
import io.gatehouse.views.maturity.MaturityController;
import io.gatehouse.views.maturity.MaturityViewModel;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.maturity.AssessmentFiles;
import io.gatehouse.views.settings.SettingsController;
import io.gatehouse.views.settings.SettingsViewModel;
import io.gatehouse.views.session.ConsoleSession;
import io.gatehouse.views.session.SecretRequest;
import io.gatehouse.views.session.StepUpGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The console's main window. It owns the view models for its whole life and rebuilds only the
 * views when the language or time display changes, so the operator's filters and results survive.
 */
public final class ShellWindow {
    /** Whether the window is the operator's (saves settings, runs the health schedule) or a throw-away one. */
    enum Mode { INTERACTIVE, SNAPSHOT }

    static final String STYLESHEET = "/io/gatehouse/views/gatehouse.css";

    private final ShellContext context;
    private final Stage stage;
    private final Mode mode;
    private final TaskExecutor tasks;
    private final NotificationCenter notifications;
    private final ErrorReporter errors;
    private final SettingsViewModel settings;
    private final MainWindowViewModel main;
    private final ConnectionsViewModel connections;
    private final AuditLogViewModel audit;
    private final ReviewDeskViewModel review;
    private final DashboardViewModel dashboards;
    private final MaturityViewModel maturity;
    private final ExecutiveViewModel executive;
    private final KeyCustodyViewModel keys;
    private final AlertsViewModel alerts;
    private final ConsoleSession session;
    /** What follows a sign-out: the window closes, unless the start-up window turns it into the sign-in step. */
    private Runnable afterSignOut;
    private final javafx.event.EventHandler<WindowEvent> onHidden = e -> closed();
    private javafx.animation.Timeline idleTimer;
    private final Scene scene;
    private final List<Shortcut> everywhere;
    private I18n i18n;
    private TimeFormat time;
    private MainWindowController controller;
    private Rectangle2D normalBounds;
    private final javafx.beans.InvalidationListener systemScheme = obs -> {
        if (settings().themeProperty().get() == ThemeChoice.SYSTEM) {
            applyTheme();
        }
    };

    private StepUp stepUp(ConnectionsAccess access, Stage owner) {
        access.port().askPinsWith(new FxPinSource(() -> i18n, () -> owner));
        return access.stepUp() != null ? access.stepUp() : new PassphraseStepUp(() -> i18n, () -> owner,
                access.proofFresh(), access.proveWithPassphrase());
    }

    ShellWindow(ShellContext context, Stage stage, UserSettings initial, Mode mode) {
        this.context = context;
        this.stage = stage;
        this.mode = mode;
        this.i18n = new I18n(Language.fromTag(initial.language()));
        this.tasks = new FxTaskExecutor(context.background());
        this.notifications = new NotificationCenter(() -> i18n);
        this.errors = new ErrorReporter(notifications, () -> i18n, tasks::onUi);
        boolean interactive = mode == Mode.INTERACTIVE;
        this.afterSignOut = stage::hide;
        this.session = context.sessionGuard() == null ? null
                : new ConsoleSession(context.sessionGuard(), context.sessionGuard().weaker()
                        ? SecretRequest.SecretKind.PASSPHRASE : SecretRequest.SecretKind.PIN, tasks, () -> i18n,
                        () -> stage, () -> Themes.isDark(settings().themeProperty().get()), () -> afterSignOut.run(),
                        errors::report);
        this.settings = new SettingsViewModel(context.settingsStore(), initial, tasks, errors::report,
                context.configFile(), context.dataDirectory(), interactive);
        this.main = new MainWindowViewModel(context.session().operator(), context.sandboxActive(), context.sourceDescription(), settings);
        this.connections = context.connections() == null
                ? new ConnectionsViewModel(context.healthMonitor(), tasks, errors::report)
                : new ConnectionsViewModel(context.healthMonitor(), tasks, errors::report, context.connections().port(),
                        stepUp(context.connections(), stage));
        this.audit = new AuditLogViewModel(context.auditReader(), context.session().operator(), tasks, errors::report,
                () -> time.zone(), context.clock());
        this.review = context.reviewDesk() == null ? null
                : new ReviewDeskViewModel(context.reviewDesk(), tasks, errors::report, context.clock(),
                        new io.gatehouse.data.review.DeskViewStore(context.dataDirectory(),
                                context.session().operator().id(), new SafeFileWriter(), context.clock()));
        this.dashboards = context.telemetry() == null ? null
                : new DashboardViewModel(context.telemetry(), context.incidents(), tasks, errors::report, context.clock(),
                        backgroundTimer(context));
        this.maturity = context.maturity() == null ? null
                : new MaturityViewModel(context.maturity(), new AssessmentFiles(new SafeFileWriter()), tasks, errors::report);
        this.executive = context.executive() == null ? null
                : new ExecutiveViewModel(context.executive(), tasks, errors::report, context.clock(), () -> i18n,
                        context.localZone(), new ReportExporter(new SafeFileWriter()));
        this.keys = context.keyCustody() == null ? null
                : new KeyCustodyViewModel(context.keyCustody(), tasks, errors::report,
                        new FxPinSource(() -> i18n, () -> stage), context.clock());
        this.alerts = context.incidents() == null ? null
                : new AlertsViewModel(context.incidents(), tasks, errors::report, this::announce);
        StepUpGate stepUp = session == null ? StepUpGate.NONE : session;
        if (keys != null) {
            keys.stepUp(stepUp);
        }
        if (review != null) {
            review.stepUp(stepUp);
        }
        this.everywhere = globalShortcuts();
        if (interactive) {
            errors.installAsUncaughtHandler();
        }

        scene = new Scene(new StackPane(), initial.window().width(), initial.window().height());
        scene.getStylesheets().add(ShellWindow.class.getResource(STYLESHEET).toExternalForm());
        installKeys();
        if (session != null) {
            session.watch(scene);
        }
        stage.setScene(scene);
        if (stage.getIcons().isEmpty()) {
            // JavaFX gives a window one icon, scaled from the best of the list at every change: a stage that the
            // starting window showed has the app icon already, and setting it again costs its first frame ~30 ms
            stage.getIcons().setAll(AppIcons.all());
        }
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        place(initial.window());

        settings.themeProperty().addListener((obs, before, now) -> applyTheme());
        settings.languageProperty().addListener((obs, before, now) -> {
            i18n = new I18n(now);
            rebuild();
        });
        settings.timeDisplayProperty().addListener((obs, before, now) -> rebuild());
        Platform.getPreferences().colorSchemeProperty().addListener(systemScheme);
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);

        rebuild();
        applyTheme();
        if (alerts != null) {
            alerts.start();
        }
        if (interactive) {
            connections.start();
            startIdleTimer();
        } else {
            connections.follow();
        }
    }

    /** Looks for idleness a few times a minute; the guard measures it on the console's clock. */
    private void startIdleTimer() {
        if (session == null) {
            return;
        }
        idleTimer = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(5),
                e -> session.checkIdle()));
        idleTimer.setCycleCount(javafx.animation.Animation.INDEFINITE);
        idleTimer.play();
    }

    /**
     * Runs {@code action} on the JavaFX thread after the operator signed out, instead of closing the window; the
     * action decides what the stage shows next (see {@link #leaveStage()}).
     */
    void onSignedOut(Runnable action) {
        this.afterSignOut = java.util.Objects.requireNonNull(action, "action");
    }

    /**
     * Stops everything this window runs and saves its settings, as closing it does, but leaves the stage open for
     * what comes next (the sign-in step); closing the stage later no longer concerns this window.
     */
    void leaveStage() {
        stage.removeEventHandler(WindowEvent.WINDOW_HIDDEN, onHidden);
        closed();
    }

    /** The operator's session in this window, or null when the context has no guard. */
    ConsoleSession session() {
        return session;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Opens an assessment or catalogue file, as a double-click on a {@code *.gatehouse.json} does: shows the
     * Maturity &amp; audit area and imports the file there, where a refusal is reported like any other import.
     */
    public void open(java.nio.file.Path file) {
        select(Area.MATURITY_AUDIT);
        if (maturity != null) {
            maturity.open(file);
        }
    }

    /** Shows an area, as its shortcut does, and puts focus on its first control. */
    public void select(Area area) {
        main.select(area);
        controller.currentArea().focusFirst();
    }

    public Area area() {
        return main.areaProperty().get();
    }

    SettingsViewModel settings() {
        return settings;
    }

    MainWindowViewModel main() {
        return main;
    }

    NotificationCenter notifications() {
        return notifications;
    }

    ErrorReporter errors() {
        return errors;
    }

    I18n i18n() {
        return i18n;
    }

    private void rebuild() {
        String focusedId = scene.getFocusOwner() == null ? null : scene.getFocusOwner().getId();
        if (controller != null) {
            controller.dispose();
        }
        time = new TimeFormat(i18n.locale(), settings.timeDisplayProperty().get(), context.localZone());
        FxmlLoaderFactory fxml = new FxmlLoaderFactory(i18n, Map.of());
        MainWindowController next = new MainWindowController(main, connections, i18n, time, area -> loadArea(fxml, area), everywhere);
        Parent root = fxml.with(MainWindowController.class, () -> next).load(FxmlView.MAIN_WINDOW);
        controller = next;
        controller.root().getChildren().add(notifications.layer());
        scene.setRoot(root);
        markTheme();
        String title = i18n.get("shell.windowTitle", main.operator().displayName(), MainWindowController.roleNames(i18n, main.roles()));
        stage.setTitle(session != null && session.weaker() ? i18n.get("session.title.weaker", title) : title);
        if (session != null && session.weaker() && root.lookup("#operatorLabel") instanceof javafx.scene.control.Label who) {
            // the development profile stays visible inside the window too, not only in its title
            who.setText(i18n.get("session.operator.weaker", who.getText()));
            who.setTooltip(new javafx.scene.control.Tooltip(i18n.get("session.lock.weaker")));
        }
        if (session != null) {
            session.attach(controller.root());
            if (session.locked()) {
                return;
            }
        }
        Node previous = focusedId == null ? null : root.lookup("#" + focusedId);
        if (previous != null) {
            previous.requestFocus();
        } else {
            controller.focusNavigation();
        }
    }

    private AreaView loadArea(FxmlLoaderFactory fxml, Area area) {
        return switch (area) {
            case REVIEW_DESK -> {
                if (review == null) {
                    yield emptyArea(fxml, area);
                }
                ReviewDeskController c = new ReviewDeskController(review, i18n, time, context.clock());
                yield new AreaView(fxml.with(ReviewDeskController.class, () -> c).load(FxmlView.REVIEW_DESK), c);
            }
            case AUDIT_LOG -> {
                AuditLogController c = new AuditLogController(audit, i18n, time);
                yield new AreaView(fxml.with(AuditLogController.class, () -> c).load(FxmlView.AUDIT_LOG), c);
            }
            case SETTINGS -> {
                SettingsController c = new SettingsController(settings, i18n);
                yield new AreaView(fxml.with(SettingsController.class, () -> c).load(FxmlView.SETTINGS), c);
            }
            case CONNECTIONS -> {
                ConnectionsController c = new ConnectionsController(connections, i18n, time, settings.configFile());
                yield new AreaView(fxml.with(ConnectionsController.class, () -> c).load(FxmlView.CONNECTIONS), c);
            }
            case REGIONAL_DASHBOARDS -> {
                if (dashboards == null) {
                    yield emptyArea(fxml, area);
                }
                DashboardController c = new DashboardController(dashboards, i18n, time);
                yield new AreaView(fxml.with(DashboardController.class, () -> c).load(FxmlView.DASHBOARDS), c);
            }
            case MATURITY_AUDIT -> {
                if (maturity == null) {
                    yield emptyArea(fxml, area);
                }
                MaturityController c = new MaturityController(maturity, i18n, time, context.clock());
                yield new AreaView(fxml.with(MaturityController.class, () -> c).load(FxmlView.MATURITY), c);
            }
            case EXECUTIVE_VIEW -> {
                if (executive == null) {
                    yield emptyArea(fxml, area);
                }
                ExecutiveController c = new ExecutiveController(executive, i18n, javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> Themes.isDark(settings.themeProperty().get()), settings.themeProperty(),
                        Platform.getPreferences().colorSchemeProperty()), ExportTargets.dialogs());
                yield new AreaView(fxml.with(ExecutiveController.class, () -> c).load(FxmlView.EXECUTIVE), c);
            }
            case KEY_CUSTODY -> {
                if (keys == null) {
                    yield emptyArea(fxml, area);
                }
                KeyCustodyController c = new KeyCustodyController(keys, i18n, time);
                yield new AreaView(fxml.with(KeyCustodyController.class, () -> c).load(FxmlView.KEY_CUSTODY), c);
            }
            case ALERTS_INCIDENTS -> {
                if (alerts == null) {
                    yield emptyArea(fxml, area);
                }
                AlertsController c = new AlertsController(alerts, i18n, time);
                yield new AreaView(fxml.with(AlertsController.class, () -> c).load(FxmlView.ALERTS), c);
            }
            default -> emptyArea(fxml, area);
        };
    }

    /** A new alert raises a desktop notification wherever the operator is in the console. */
    private void announce(Alert alert) {
        AlertText text = new AlertText(i18n);
        String type = text.type(alert.type());
        notifications.notify(new UserMessage(alert.confidence() >= 0.8 ? Severity.ERROR : Severity.WARNING,
                i18n.get("incidents.notification.title", type, alert.region()),
                i18n.get("incidents.notification.body", text.value(alert.signal(), alert.observed()),
                        text.value(alert.signal(), alert.expected()), text.signal(alert.signal()),
                        time.shortTime(alert.since()), text.confidence(alert.confidence())),
                i18n.get("incidents.notification.todo"), null));
    }

    /** Delays on a shared timer thread, then hands the action to the context's background executor. */
    /** The regional dashboards' view model, or null without telemetry. */
    DashboardViewModel dashboards() {
        return dashboards;
    }

    private static DashboardViewModel.Timer backgroundTimer(ShellContext context) {
        return (delay, action) -> {
            CompletableFuture<Void> later = CompletableFuture.runAsync(action,
                    CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, context.background()));
            return () -> later.cancel(false);
        };
    }

    private AreaView emptyArea(FxmlLoaderFactory fxml, Area area) {
        EmptyAreaController c = new EmptyAreaController(area, i18n, this::select);
        return new AreaView(fxml.with(EmptyAreaController.class, () -> c).load(FxmlView.EMPTY_AREA), c);
    }

    private List<Shortcut> globalShortcuts() {
        List<Shortcut> list = new ArrayList<>();
        for (Area area : Area.values()) {
            list.add(new Shortcut(area.shortcut(), area.titleKey(), () -> select(area)));
        }
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.F1), "shortcut.help", main::toggleShortcuts));
        list.add(Shortcut.listed(new KeyCharacterCombination("?"), "shortcut.help"));
        list.add(new Shortcut(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), "shortcut.toggleTheme",
                () -> settings.toggleTheme(Themes.isDark(settings.themeProperty().get()))));
        if (session != null) {
            list.add(new Shortcut(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), "shortcut.lock",
                    session::lockNow));
        }
        list.add(Shortcut.listed(new KeyCodeCombination(KeyCode.TAB), "shortcut.nextField"));
        list.add(Shortcut.listed(new KeyCodeCombination(KeyCode.ESCAPE), "shortcut.closeOverlay"));
        return List.copyOf(list);
    }

    private void installKeys() {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (session != null && session.locked()) {
                return; // the lock screen takes its own keys; no shortcut reaches the content under it
            }
            if (event.getCode() == KeyCode.ESCAPE && main.shortcutsShownProperty().get()) {
                main.shortcutsShownProperty().set(false);
                event.consume();
                return;
            }
            List<Shortcut> candidates = new ArrayList<>(everywhere);
            candidates.addAll(controller.currentArea().shortcuts());
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            for (Shortcut shortcut : candidates) {
                if (typing && singleKey(shortcut.keys())) {
                    continue;
                }
                if (shortcut.action() != null && shortcut.keys().match(event)) {
                    event.consume();
                    shortcut.action().run();
                    return;
                }
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (session != null && session.locked()) {
                return;
            }
            if ("?".equals(event.getCharacter()) && !(scene.getFocusOwner() instanceof TextInputControl)) {
                event.consume();
                main.toggleShortcuts();
            }
        });
    }

    /** A plain letter or digit without modifiers: it types into a text field rather than acting there. */
    private static boolean singleKey(KeyCombination keys) {
        return keys instanceof KeyCodeCombination code && (code.getCode().isLetterKey() || code.getCode().isDigitKey())
                && code.getShortcut() == KeyCombination.ModifierValue.UP && code.getControl() == KeyCombination.ModifierValue.UP
                && code.getAlt() == KeyCombination.ModifierValue.UP && code.getMeta() == KeyCombination.ModifierValue.UP;
    }

    private void applyTheme() {
        Themes.apply(settings.themeProperty().get());
        markTheme();
    }

    /** Our own stylesheet picks its health colours by this class, tuned for light or dark backgrounds. */
    private void markTheme() {
        Parent root = scene.getRoot();
        root.getStyleClass().remove("theme-dark");
        if (Themes.isDark(settings.themeProperty().get())) {
            root.getStyleClass().add("theme-dark");
        }
    }

    private void place(WindowPlacement placement) {
        stage.setWidth(placement.width());
        stage.setHeight(placement.height());
        if (placement.x() != null && placement.y() != null && visibleOnSomeScreen(placement)) {
            stage.setX(placement.x());
            stage.setY(placement.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(placement.maximized());
        normalBounds = new Rectangle2D(placement.x() == null ? 0 : placement.x(), placement.y() == null ? 0 : placement.y(),
                placement.width(), placement.height());
        javafx.beans.InvalidationListener track = obs -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normalBounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(track);
        stage.yProperty().addListener(track);
        stage.widthProperty().addListener(track);
        stage.heightProperty().addListener(track);
    }

    /** A window saved on a monitor that is gone now would open out of reach; then it is centred instead. */
    private static boolean visibleOnSomeScreen(WindowPlacement placement) {
        return !Screen.getScreensForRectangle(placement.x(), placement.y(), Math.min(placement.width(), 200), 60).isEmpty();
    }

    private void closed() {
        if (idleTimer != null) {
            idleTimer.stop();
        }
        Platform.getPreferences().colorSchemeProperty().removeListener(systemScheme);
        controller.dispose();
        connections.stop();
        if (review != null) {
            review.leave();
        }
        if (dashboards != null) {
            dashboards.stop();
        }
        if (alerts != null) {
            alerts.stop();
        }
        settings.closeWith(new WindowPlacement(normalBounds.getMinX(), normalBounds.getMinY(),
                normalBounds.getWidth(), normalBounds.getHeight(), stage.isMaximized()));
    }
}
