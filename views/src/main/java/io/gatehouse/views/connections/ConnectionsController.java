package io.gatehouse.views.connections;

import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.connections.Transport;
import io.gatehouse.data.health.ConnectionHealth;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.HealthLook;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Connections area: every configured connection with how it is secured (transport badge, trust
 * source, secret), its health, and the operator's actions on the selected one.
 */
public final class ConnectionsController implements AreaController {
    private final ConnectionsViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;
    private final String configFile;

    @FXML private Label configHint;
    @FXML private Button checkNow;
    @FXML private TableView<ConnectionRow> table;
    @FXML private TableColumn<ConnectionRow, ConnectionRow> nameColumn;
    @FXML private TableColumn<ConnectionRow, ConnectionRow> transportColumn;
    @FXML private TableColumn<ConnectionRow, String> trustColumn;
    @FXML private TableColumn<ConnectionRow, String> secretColumn;
    @FXML private TableColumn<ConnectionRow, ConnectionRow> stateColumn;
    @FXML private TableColumn<ConnectionRow, String> detailColumn;
    @FXML private HBox actions;
    @FXML private Button testButton;
    @FXML private Button rotateButton;
    @FXML private Button editButton;
    @FXML private Label notice;
    private String selectedName;

    public ConnectionsController(ConnectionsViewModel viewModel, I18n i18n, TimeFormat time, String configFile) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.time = time;
        this.configFile = configFile;
    }

    @FXML
    private void initialize() {
        configHint.setText(i18n.get(viewModel.editable() ? "connections.configHintEditable" : "connections.configHint",
                configFile));
        checkNow.setGraphic(new FontIcon(Material2MZ.REFRESH));
        checkNow.setOnAction(e -> viewModel.checkNow());
        checkNow.disableProperty().bind(viewModel.checkingProperty());
        table.setItems(viewModel.rows());
        table.setPlaceholder(new Label(i18n.get("connections.none")));
        nameColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        nameColumn.setCellFactory(column -> new NameCell());
        // a new snapshot replaces the rows: keep the operator's selection on the same connection
        viewModel.rows().addListener((javafx.collections.ListChangeListener<ConnectionRow>) change -> reselect());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                selectedName = now.name();
            }
        });
        transportColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        transportColumn.setCellFactory(column -> new TransportCell());
        trustColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(trust(row.getValue().entry())));
        secretColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(secret(row.getValue().entry())));
        detailColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(detail(row.getValue())));
        detailColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                // the full sentence when the column is too narrow for it
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        stateColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        stateColumn.setCellFactory(column -> new HealthCell());

        actions.setVisible(viewModel.editable());
        actions.setManaged(viewModel.editable());
        testButton.setGraphic(new FontIcon(Material2MZ.NETWORK_CHECK));
        rotateButton.setGraphic(new FontIcon(Material2MZ.VPN_KEY));
        editButton.setGraphic(new FontIcon(Material2AL.EDIT));
        var selected = table.getSelectionModel().selectedItemProperty();
        var noEntry = Bindings.createBooleanBinding(() -> selected.get() == null || selected.get().entry() == null, selected);
        testButton.disableProperty().bind(noEntry.or(viewModel.busyProperty()));
        editButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().entry() == null || selected.get().entry().name().equals("sandbox"), selected)
                .or(viewModel.busyProperty()));
        rotateButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().entry() == null || selected.get().entry().secretName() == null, selected)
                .or(viewModel.busyProperty()));
        testButton.setOnAction(e -> viewModel.test(table.getSelectionModel().getSelectedItem()));
        rotateButton.setOnAction(e -> rotate());
        editButton.setOnAction(e -> edit());
        notice.setVisible(false);
        notice.managedProperty().bind(notice.visibleProperty());
        viewModel.noticeProperty().addListener((obs, old, now) -> show(now));
    }

    private void reselect() {
        if (selectedName == null) {
            return;
        }
        javafx.application.Platform.runLater(() -> table.getItems().stream().filter(r -> r.name().equals(selectedName))
                .findFirst().ifPresent(r -> table.getSelectionModel().select(r)));
    }

    private void rotate() {
        ConnectionRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || row.entry() == null || !viewModel.stepUp()) {
            return;
        }
        ConnectionDialogs.rotateSecret(table.getScene().getWindow(), i18n, row.entry(),
                value -> viewModel.rotateSecret(row, value));
    }

    private void edit() {
        ConnectionRow row = table.getSelectionModel().getSelectedItem();
        if (row == null || row.entry() == null || !viewModel.stepUp()) {
            return;
        }
        ConnectionDialogs.edit(table.getScene().getWindow(), i18n, row.entry(), edit -> viewModel.edit(row, edit));
    }

    private void show(ConnectionNotice message) {
        notice.getStyleClass().removeAll("health-up", "health-down");
        if (message == null) {
            notice.setVisible(false);
            return;
        }
        notice.setText(i18n.get(message.key(), message.args().toArray()));
        Ikon icon = message.problem() ? Material2AL.ERROR_OUTLINE : Material2AL.CHECK_CIRCLE_OUTLINE;
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add(message.problem() ? "health-down" : "health-up");
        notice.setGraphic(graphic);
        notice.getStyleClass().add(message.problem() ? "health-down" : "health-up");
        notice.setVisible(true);
    }

    private static String url(ConnectionRow row) {
        return row.entry() == null || row.entry().url() == null ? "" : row.entry().url().toString();
    }

    private String trust(ConnectionEntry entry) {
        if (entry == null || entry.transport() == Transport.INSECURE_LOOPBACK) {
            return entry == null ? "" : i18n.get("connections.trust.none");
        }
        return entry.systemTrustOnly() ? i18n.get("connections.trust.system")
                : i18n.get("connections.trust.bundle", java.nio.file.Path.of(entry.security().caBundle()).getFileName());
    }

    private String secret(ConnectionEntry entry) {
        if (entry == null) {
            return "";
        }
        return i18n.get(ConnectionNames.secretKey(entry.secretState()), entry.secretName());
    }

    private String detail(ConnectionRow row) {
        if (row.lastCheck() != null && row.entry() != null) {
            ConnectionNotice said = ConnectionsViewModel.noticeOf(row.entry(), row.lastCheck());
            return i18n.get("connections.lastTest", time.dateTime(row.lastCheck().at()), i18n.get(said.key(),
                    said.args().toArray()));
        }
        ConnectionHealth health = row.health();
        return health == null ? "" : health.detail();
    }

    /** The connection's name over its URL. */
    private final class NameCell extends TableCell<ConnectionRow, ConnectionRow> {
        @Override
        protected void updateItem(ConnectionRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add("connection-name");
            String address = url(item);
            Label url = new Label(address);
            url.getStyleClass().addAll("text-muted", "text-small");
            javafx.scene.layout.VBox box = address.isEmpty() ? new javafx.scene.layout.VBox(name)
                    : new javafx.scene.layout.VBox(1, name, url);
            setTooltip(address.isEmpty() ? null : new Tooltip(address));
            setGraphic(box);
        }
    }

    /** The transport badge: an icon and a word, in a warning colour for the weaker transports. */
    private final class TransportCell extends TableCell<ConnectionRow, ConnectionRow> {
        @Override
        protected void updateItem(ConnectionRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setTooltip(null);
            if (empty || item == null || item.entry() == null) {
                setGraphic(null);
                return;
            }
            Transport transport = item.entry().transport();
            FontIcon icon = new FontIcon(switch (transport) {
                case INSECURE_LOOPBACK -> Material2AL.LOCK_OPEN;
                case MTLS_PKCS12 -> Material2AL.ERROR_OUTLINE;
                default -> Material2AL.LOCK;
            });
            Label badge = new Label(i18n.get(ConnectionNames.transportKey(transport)), icon);
            badge.getStyleClass().addAll("transport-badge", ConnectionNames.transportStyle(transport));
            badge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            String tip = ConnectionNames.transportTipKey(transport);
            if (tip != null) {
                setTooltip(new Tooltip(i18n.get(tip)));
            }
            setGraphic(badge);
        }
    }

    private final class HealthCell extends TableCell<ConnectionRow, ConnectionRow> {
        @Override
        protected void updateItem(ConnectionRow item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("health-up", "health-degraded", "health-down", "health-unknown");
            if (empty || item == null || item.health() == null) {
                setText(empty || item == null ? null : i18n.get("connections.health.notMonitored"));
                setGraphic(null);
                return;
            }
            HealthLook look = HealthLook.of(item.health().state());
            FontIcon icon = new FontIcon(look.icon());
            icon.getStyleClass().add(look.styleClass());
            setGraphic(icon);
            setText(i18n.get(look.labelKey()));
            setTooltip(new Tooltip(i18n.get("connections.health.since", time.dateTime(item.health().since()))));
            getStyleClass().add(look.styleClass());
        }
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(new Shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                "shortcut.connections.checkNow", viewModel::checkNow));
    }

    @Override
    public void focusFirst() {
        table.requestFocus();
    }
}
