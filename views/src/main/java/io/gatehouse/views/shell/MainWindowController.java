package io.gatehouse.views.shell;

import io.gatehouse.data.health.ConnectionHealth;
import io.gatehouse.data.operator.Role;
import io.gatehouse.views.common.AppIcons;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.HealthLook;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.views.connections.ConnectionsViewModel;
import io.gatehouse.views.connections.ConnectionNames;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The main window: title bar, navigation, the current area, the status bar and the overlays. */
public final class MainWindowController {
    private final MainWindowViewModel viewModel;
    private final ConnectionsViewModel health;
    private final I18n i18n;
    private final TimeFormat time;
    private final Function<Area, AreaView> areas;
    private final List<Shortcut> everywhere;
    private final Map<Area, AreaView> loaded = new EnumMap<>(Area.class);
    private final ListChangeListener<ConnectionHealth> healthListener = change -> showHealth();
    /** The status bar's entries by connection, kept across health changes; JavaFX thread only. */
    private final Map<String, StatusItem> statusItems = new java.util.HashMap<>();
    private Node overlay;

    @FXML private StackPane root;
    @FXML private ImageView appIcon;
    @FXML private Label operatorLabel;
    @FXML private ListView<Area> navigation;
    @FXML private Label areaTitle;
    @FXML private Label sandboxBadge;
    @FXML private StackPane areaContent;
    @FXML private HBox connectionStatus;

    MainWindowController(MainWindowViewModel viewModel, ConnectionsViewModel health, I18n i18n, TimeFormat time,
                         Function<Area, AreaView> areas, List<Shortcut> everywhere) {
        this.viewModel = viewModel;
        this.health = health;
        this.i18n = i18n;
        this.time = time;
        this.areas = areas;
        this.everywhere = everywhere;
    }

    @FXML
    private void initialize() {
        appIcon.setImage(AppIcons.of(32));
        operatorLabel.setText(i18n.get("shell.operator", viewModel.operator().displayName(), roleNames(i18n, viewModel.roles())));
        operatorLabel.setGraphic(new FontIcon(Material2MZ.PERSON));

        sandboxBadge.setVisible(viewModel.sandbox());
        sandboxBadge.setManaged(viewModel.sandbox());
        sandboxBadge.setGraphic(new FontIcon(Material2MZ.SCIENCE));
        if (!viewModel.sourceDescription().isBlank()) {
            sandboxBadge.setTooltip(new Tooltip(viewModel.sourceDescription()));
        }

        navigation.getItems().setAll(Area.values());
        navigation.setCellFactory(list -> new AreaCell());
        navigation.getSelectionModel().select(viewModel.areaProperty().get());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (now != null && now != viewModel.areaProperty().get()) {
                viewModel.select(now);
            }
        });
        viewModel.areaProperty().addListener((obs, before, now) -> show(now));
        show(viewModel.areaProperty().get());

        health.connections().addListener(healthListener);
        showHealth();

        viewModel.shortcutsShownProperty().addListener((obs, before, now) -> showShortcuts(now));
        showShortcuts(viewModel.shortcutsShownProperty().get());
    }

    /** The controller of the area shown now. */
    AreaController currentArea() {
        return loaded.get(viewModel.areaProperty().get()).controller();
    }

    /** Detaches from long-lived view models before the window content is rebuilt or closed. */
    void dispose() {
        health.connections().removeListener(healthListener);
    }

    StackPane root() {
        return root;
    }

    void focusNavigation() {
        navigation.requestFocus();
    }

    private void show(Area area) {
        AreaView view = loaded.computeIfAbsent(area, areas);
        areaContent.getChildren().setAll(view.root());
        areaTitle.setText(i18n.get(area.titleKey()));
        areaTitle.setGraphic(new FontIcon(area.icon()));
        if (navigation.getSelectionModel().getSelectedItem() != area) {
            navigation.getSelectionModel().select(area);
        }
        if (viewModel.shortcutsShownProperty().get()) {
            showShortcuts(true);
        }
    }

    private void showHealth() {
        if (health.connections().isEmpty()) {
            statusItems.clear();
            connectionStatus.getChildren().setAll(new Label(i18n.get("status.noConnections")));
            return;
        }
        // each connection keeps its entry (label, icon, tooltip) from one change to the next: every probe's
        // result changes the list, and building a tooltip each time made a pop-up window per entry per change
        Map<String, StatusItem> kept = new java.util.LinkedHashMap<>();
        List<Node> shown = new java.util.ArrayList<>();
        for (ConnectionHealth connection : health.connections()) {
            String key = connection.kind() + ":" + connection.connection();
            StatusItem item = kept.containsKey(key) ? null : statusItems.get(key);
            if (item == null) {
                item = new StatusItem();
            }
            item.show(connection);
            kept.put(key, item);
            shown.add(item.label);
        }
        statusItems.clear();
        statusItems.putAll(kept);
        if (!connectionStatus.getChildren().equals(shown)) {
            connectionStatus.getChildren().setAll(shown);
        }
    }

    /** One connection's entry in the status bar. */
    private final class StatusItem {
        private final FontIcon icon = new FontIcon();
        private final Label label = new Label(null, icon);
        private final Tooltip tip = new Tooltip();
        private HealthLook look;

        StatusItem() {
            label.getStyleClass().add("status-item");
            // with many connections the entries shorten to an ellipsis (the tooltip holds the whole text)
            // rather than widening the window beyond the screen
            label.setMinWidth(Region.USE_COMPUTED_SIZE);
            label.setTooltip(tip);
        }

        void show(ConnectionHealth connection) {
            HealthLook now = HealthLook.of(connection.state());
            if (now != look) {
                if (look != null) {
                    icon.getStyleClass().remove(look.styleClass());
                    label.getStyleClass().remove(look.styleClass());
                }
                icon.setIconCode(now.icon());
                icon.getStyleClass().add(now.styleClass());
                label.getStyleClass().add(now.styleClass());
                look = now;
            }
            // the kind, in the user's language, names the entry; the configured name is in the tooltip
            label.setText(i18n.get("status.connection", i18n.get(ConnectionNames.kindKey(connection.kind())),
                    i18n.get(now.labelKey()), time.shortTime(connection.since())));
            tip.setText(connection.connection() + " · " + time.dateTime(connection.since())
                    + (connection.detail().isBlank() ? "" : " — " + connection.detail()));
        }
    }

    private void showShortcuts(boolean shown) {
        if (overlay != null) {
            root.getChildren().remove(overlay);
            overlay = null;
        }
        if (shown) {
            Area area = viewModel.areaProperty().get();
            overlay = ShortcutOverlay.build(i18n, everywhere, i18n.get(area.titleKey()), currentArea().shortcuts());
            overlay.setOnMouseClicked(e -> viewModel.shortcutsShownProperty().set(false));
            root.getChildren().add(overlay);
        }
    }

    /** Role names in the operator's language, joined for the title bar. */
    static String roleNames(I18n i18n, List<Role> roles) {
        return roles.stream().map(role -> i18n.get(switch (role) {
            case ANALYST -> "role.analyst";
            case LEAD -> "role.lead";
            case KEY_CUSTODIAN -> "role.keyCustodian";
            case EXECUTIVE_VIEWER -> "role.executiveViewer";
        })).collect(Collectors.joining(", "));
    }

    /** One row of the navigation; its nodes are made once and only their content changes. */
    private final class AreaCell extends ListCell<Area> {
        private final FontIcon icon = new FontIcon();
        private final Label title = new Label(null, icon);
        private final Label keys = new Label();
        private final HBox row;

        AreaCell() {
            title.setMinWidth(Region.USE_PREF_SIZE);
            keys.getStyleClass().add("nav-shortcut");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(8, title, gap, keys);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
        }

        @Override
        protected void updateItem(Area area, boolean empty) {
            super.updateItem(area, empty);
            if (empty || area == null) {
                setGraphic(null);
                return;
            }
            icon.setIconCode(area.icon());
            title.setText(i18n.get(area.titleKey()));
            keys.setText(area.shortcut().getDisplayText());
            setGraphic(row);
        }
    }
}
