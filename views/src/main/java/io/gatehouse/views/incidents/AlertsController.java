package io.gatehouse.views.incidents;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.AlertSeverity;
import io.gatehouse.data.incidents.AlertState;
import io.gatehouse.data.incidents.Incident;
import io.gatehouse.data.incidents.ResponseTimes;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Alerts and incidents area: the alert list, the selected alert with its runbook, and the incidents. */
public final class AlertsController implements AreaController {
    private static final double TILE_WIDTH = 150;
    private static final double TILE_HEIGHT = 84;
    private static final Color TILE_BACKGROUND = Color.web("#24323f");

    private final AlertsViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;
    private final AlertText text;

    @FXML private HBox summary;
    @FXML private TableView<Alert> alertTable;
    @FXML private TableColumn<Alert, AlertSeverity> severityColumn;
    @FXML private TableColumn<Alert, String> typeColumn;
    @FXML private TableColumn<Alert, String> sourceColumn;
    @FXML private TableColumn<Alert, String> regionColumn;
    @FXML private TableColumn<Alert, String> sinceColumn;
    @FXML private TableColumn<Alert, String> confidenceColumn;
    @FXML private TableColumn<Alert, String> stateColumn;
    @FXML private Label detailTitle;
    @FXML private GridPane facts;
    @FXML private VBox steps;
    @FXML private Button acknowledgeButton;
    @FXML private Button incidentButton;
    @FXML private Button containButton;
    @FXML private Button recoverButton;
    @FXML private TableView<Incident> incidentTable;
    @FXML private TableColumn<Incident, String> incidentIdColumn;
    @FXML private TableColumn<Incident, String> incidentTypeColumn;
    @FXML private TableColumn<Incident, String> incidentRegionColumn;
    @FXML private TableColumn<Incident, String> startedColumn;
    @FXML private TableColumn<Incident, String> detectedColumn;
    @FXML private TableColumn<Incident, String> containedColumn;
    @FXML private TableColumn<Incident, String> recoveredColumn;
    @FXML private TableColumn<Incident, String> ttdColumn;
    @FXML private TableColumn<Incident, String> ttcColumn;
    private Label openValue;
    private Label incidentsValue;
    private Label mttdValue;
    private Label mttcValue;
    private Label mttrValue;
    private boolean syncing;

    public AlertsController(AlertsViewModel viewModel, I18n i18n, TimeFormat time) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.time = Objects.requireNonNull(time, "time");
        this.text = new AlertText(i18n);
    }

    @FXML
    private void initialize() {
        openValue = tile("incidents.tile.activeAlerts");
        incidentsValue = tile("incidents.tile.incidents");
        mttdValue = tile("incidents.tile.mttd");
        mttcValue = tile("incidents.tile.mttc");
        mttrValue = tile("incidents.tile.mttr");
        viewModel.alerts().addListener((javafx.collections.ListChangeListener<Alert>) c -> showSummary());
        viewModel.timesProperty().addListener((obs, before, now) -> showSummary());
        showSummary();

        alertTable.setItems(viewModel.alerts());
        alertTable.setPlaceholder(new Label(i18n.get("incidents.noAlerts")));
        severityColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(AlertSeverity.of(row.getValue())));
        severityColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(AlertSeverity severity, boolean empty) {
                super.updateItem(severity, empty);
                getStyleClass().removeAll("health-down", "health-degraded");
                if (empty || severity == null) {
                    setText(null);
                    return;
                }
                setText(text.severity(severity));
                if (severity != AlertSeverity.MEDIUM) {
                    getStyleClass().add(severity == AlertSeverity.CRITICAL ? "health-down" : "health-degraded");
                }
            }
        });
        typeColumn.setCellValueFactory(row -> str(text.type(row.getValue().type())));
        sourceColumn.setCellValueFactory(row -> str(text.source(row.getValue().signal())));
        regionColumn.setCellValueFactory(row -> str(row.getValue().region()));
        sinceColumn.setCellValueFactory(row -> str(time.shortTime(row.getValue().since())));
        confidenceColumn.setCellValueFactory(row -> str(text.confidence(row.getValue().confidence())));
        stateColumn.setCellValueFactory(row -> str(text.state(row.getValue())));
        alertTable.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (!syncing && now != null) {
                viewModel.selectedAlertProperty().set(now);
            }
        });
        viewModel.selectedAlertProperty().addListener((obs, before, now) -> {
            select(alertTable, now);
            showDetail(now);
        });
        viewModel.remediation().addListener((javafx.collections.ListChangeListener<String>) c -> showSteps());
        showDetail(viewModel.selectedAlertProperty().get());
        showSteps();

        acknowledgeButton.setGraphic(new FontIcon(Material2AL.CHECK));
        acknowledgeButton.setOnAction(e -> viewModel.acknowledge());
        acknowledgeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.busyProperty().get()
                || stateIsNot(AlertState.OPEN), viewModel.selectedAlertProperty(), viewModel.busyProperty()));
        incidentButton.setGraphic(new FontIcon(Material2MZ.REPORT));
        incidentButton.setOnAction(e -> viewModel.createIncident());
        incidentButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.busyProperty().get()
                || viewModel.selectedAlertProperty().get() == null
                || viewModel.selectedAlertProperty().get().state() == AlertState.INCIDENT,
                viewModel.selectedAlertProperty(), viewModel.busyProperty()));
        containButton.setGraphic(new FontIcon(Material2AL.BLOCK));
        containButton.setOnAction(e -> viewModel.contain());
        containButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.busyProperty().get()
                || viewModel.selectedIncidentProperty().get() == null
                || viewModel.selectedIncidentProperty().get().contained() != null,
                viewModel.selectedIncidentProperty(), viewModel.busyProperty()));
        recoverButton.setGraphic(new FontIcon(Material2MZ.RESTORE));
        recoverButton.setOnAction(e -> viewModel.recover());
        recoverButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.busyProperty().get()
                || viewModel.selectedIncidentProperty().get() == null
                || viewModel.selectedIncidentProperty().get().recovered() != null,
                viewModel.selectedIncidentProperty(), viewModel.busyProperty()));

        incidentTable.setItems(viewModel.incidents());
        incidentTable.setPlaceholder(new Label(i18n.get("incidents.noIncidents")));
        incidentIdColumn.setCellValueFactory(row -> str(Long.toString(row.getValue().id())));
        incidentTypeColumn.setCellValueFactory(row -> str(text.type(row.getValue().type())));
        incidentRegionColumn.setCellValueFactory(row -> str(row.getValue().region()));
        startedColumn.setCellValueFactory(row -> str(when(row.getValue().started())));
        detectedColumn.setCellValueFactory(row -> str(when(row.getValue().detected())));
        containedColumn.setCellValueFactory(row -> str(when(row.getValue().contained())));
        recoveredColumn.setCellValueFactory(row -> str(when(row.getValue().recovered())));
        ttdColumn.setCellValueFactory(row -> str(text.duration(Duration.between(row.getValue().started(),
                row.getValue().detected()))));
        ttcColumn.setCellValueFactory(row -> str(row.getValue().contained() == null ? "\u2014"
                : text.duration(Duration.between(row.getValue().detected(), row.getValue().contained()))));
        incidentTable.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (!syncing && now != null) {
                viewModel.selectedIncidentProperty().set(now);
            }
        });
        viewModel.selectedIncidentProperty().addListener((obs, before, now) -> select(incidentTable, now));
        select(alertTable, viewModel.selectedAlertProperty().get());
        select(incidentTable, viewModel.selectedIncidentProperty().get());
    }

    private boolean stateIsNot(AlertState state) {
        Alert a = viewModel.selectedAlertProperty().get();
        return a == null || a.state() != state;
    }

    private <T> void select(TableView<T> table, T item) {
        syncing = true;
        try {
            if (item == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(item);
                int index = table.getSelectionModel().getSelectedIndex();
                if (index >= 0) {
                    table.scrollTo(Math.max(0, index - 3));
                }
            }
        } finally {
            syncing = false;
        }
    }

    private String when(Instant at) {
        return at == null ? "\u2014" : time.shortTime(at);
    }

    private static ReadOnlyStringWrapper str(String s) {
        return new ReadOnlyStringWrapper(s);
    }

    private Label tile(String titleKey) {
        Label title = new Label(i18n.get(titleKey));
        title.getStyleClass().add("kpi-title");
        title.setMaxWidth(Double.MAX_VALUE);
        Label value = new Label();
        value.getStyleClass().add("kpi-value");
        value.setMaxWidth(Double.MAX_VALUE);
        value.setMaxHeight(Double.MAX_VALUE);
        value.setAlignment(Pos.CENTER);
        VBox.setVgrow(value, Priority.ALWAYS);
        VBox face = new VBox(2, title, value);
        Tile tile = TileBuilder.create()
                .skinType(SkinType.CUSTOM)
                .prefSize(TILE_WIDTH, TILE_HEIGHT)
                .minSize(TILE_WIDTH, TILE_HEIGHT)
                .maxSize(Double.MAX_VALUE, TILE_HEIGHT)
                .title("")
                .textVisible(false)
                .graphic(face)
                .backgroundColor(TILE_BACKGROUND)
                .roundedCorners(true)
                .animated(false)
                .locale(i18n.locale())
                .build();
        tile.getStyleClass().addAll("kpi-tile", "incident-tile");
        tile.setAccessibleText(title.getText());
        HBox.setHgrow(tile, Priority.ALWAYS);
        summary.getChildren().add(tile);
        return value;
    }

    private void showSummary() {
        long active = viewModel.alerts().stream().filter(a -> a.active() && a.state() != AlertState.INCIDENT).count();
        openValue.setText(Long.toString(active));
        ResponseTimes t = viewModel.timesProperty().get();
        incidentsValue.setText(Integer.toString(t.incidents()));
        mttdValue.setText(mean(t.meanTimeToDetect()));
        mttcValue.setText(mean(t.meanTimeToContain()));
        mttrValue.setText(mean(t.meanTimeToRecover()));
    }

    private String mean(Optional<Duration> d) {
        return d.map(text::duration).orElse(i18n.get("incidents.tile.none"));
    }

    private void showDetail(Alert a) {
        facts.getChildren().clear();
        if (a == null) {
            detailTitle.setText(i18n.get("incidents.detail.none"));
            return;
        }
        detailTitle.setText(i18n.get("incidents.detail.title", text.type(a.type()), a.region()));
        int row = 0;
        row = fact(row, "incidents.detail.seen", i18n.get("incidents.detail.seenValue", text.signal(a.signal()),
                text.value(a.signal(), a.observed()), text.value(a.signal(), a.expected())));
        row = fact(row, "incidents.detail.source", text.sourceDetail(a.signal()));
        row = fact(row, "incidents.detail.where", a.region());
        row = fact(row, "incidents.detail.since", time.dateTime(a.since()));
        row = fact(row, "incidents.detail.detected", time.dateTime(a.detected()));
        row = fact(row, "incidents.detail.sure", i18n.get("incidents.detail.sureValue", text.confidence(a.confidence()),
                a.samples()));
        row = fact(row, "incidents.detail.state", text.state(a));
        if (a.acknowledgedBy() != null) {
            fact(row, "incidents.detail.acknowledgedBy", i18n.get("incidents.detail.acknowledgedByValue",
                    a.acknowledgedBy(), time.dateTime(a.acknowledgedAt())));
        }
    }

    private int fact(int row, String labelKey, String value) {
        Label label = new Label(i18n.get(labelKey));
        label.getStyleClass().add("alert-fact-label");
        label.setMinWidth(Label.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        v.getStyleClass().add("alert-fact");
        facts.add(label, 0, row);
        facts.add(v, 1, row);
        GridPane.setHgrow(v, Priority.ALWAYS);
        return row + 1;
    }

    private void showSteps() {
        steps.getChildren().setAll(viewModel.remediation().stream().map(s -> {
            Label step = new Label(s);
            step.setWrapText(true);
            step.getStyleClass().add("alert-step");
            return (javafx.scene.Node) step;
        }).toList());
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.A), "incidents.shortcut.acknowledge", viewModel::acknowledge),
                new Shortcut(new KeyCodeCombination(KeyCode.I), "incidents.shortcut.createIncident", viewModel::createIncident),
                new Shortcut(new KeyCodeCombination(KeyCode.C), "incidents.shortcut.contain", viewModel::contain),
                new Shortcut(new KeyCodeCombination(KeyCode.R), "incidents.shortcut.recover", viewModel::recover),
                new Shortcut(new KeyCodeCombination(KeyCode.G), "incidents.shortcut.goToIncident",
                        viewModel::selectIncidentOfAlert),
                new Shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), "incidents.shortcut.refresh",
                        viewModel::refresh));
    }

    @Override
    public void focusFirst() {
        alertTable.requestFocus();
    }
}
