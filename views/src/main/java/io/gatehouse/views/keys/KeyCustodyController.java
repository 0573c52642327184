package io.gatehouse.views.keys;

import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Key custody area: tokens, the key inventory, the key rings and the rotation wizard. */
public final class KeyCustodyController implements AreaController {
    private final KeyCustodyViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;

    @FXML private StackPane root;
    @FXML private Label status;
    @FXML private Button refreshButton;
    @FXML private TabPane tabs;
    @FXML private Tab tokenTab;
    @FXML private Tab inventoryTab;
    @FXML private Tab ringsTab;
    @FXML private VBox tokenPane;
    @FXML private TableView<InventoryRow> inventoryTable;
    @FXML private TableColumn<InventoryRow, String> classColumn;
    @FXML private TableColumn<InventoryRow, String> labelColumn;
    @FXML private TableColumn<InventoryRow, String> idColumn;
    @FXML private TableColumn<InventoryRow, String> typeColumn;
    @FXML private TableColumn<InventoryRow, String> usageColumn;
    @FXML private TableColumn<InventoryRow, InventoryRow> sensitiveColumn;
    @FXML private TableColumn<InventoryRow, InventoryRow> extractableColumn;
    @FXML private TableColumn<InventoryRow, InventoryRow> localColumn;
    @FXML private TableColumn<InventoryRow, InventoryRow> findingColumn;
    @FXML private VBox findingsList;
    @FXML private ListView<KeyRing> ringList;
    @FXML private Button rotateButton;
    @FXML private Button retireButton;
    @FXML private Button restoreButton;
    @FXML private Button destroyButton;
    @FXML private Label ringTitle;
    @FXML private Label cryptoperiod;
    @FXML private Label policy;
    @FXML private Label grace;
    @FXML private TableView<KeyVersion> versionTable;
    @FXML private TableColumn<KeyVersion, String> numberColumn;
    @FXML private TableColumn<KeyVersion, KeyVersion> stateColumn;
    @FXML private TableColumn<KeyVersion, String> createdColumn;
    @FXML private TableColumn<KeyVersion, String> activatedColumn;
    @FXML private TableColumn<KeyVersion, String> dueColumn;
    @FXML private StackPane wizardLayer;

    private final KeyText text;

    public KeyCustodyController(KeyCustodyViewModel viewModel, I18n i18n, TimeFormat time) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.time = Objects.requireNonNull(time, "time");
        this.text = new KeyText(i18n);
    }

    @FXML
    private void initialize() {
        refreshButton.setGraphic(new FontIcon(Material2MZ.REFRESH));
        refreshButton.setOnAction(e -> viewModel.refresh());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        status.textProperty().bind(Bindings.createStringBinding(() -> text.notice(viewModel.statusProperty().get()),
                viewModel.statusProperty()));
        viewModel.statusProperty().addListener((obs, was, now) -> markStatus(now));
        markStatus(viewModel.statusProperty().get());

        TokenPane tokens = new TokenPane(viewModel, i18n, tokenPane);
        tokens.render();
        viewModel.modules().addListener((javafx.collections.ListChangeListener<ModuleScan>) c -> tokens.render());
        viewModel.tokenProperty().addListener((obs, was, now) -> tokens.render());

        new InventoryTable(viewModel, text).bind(inventoryTable, classColumn, labelColumn, idColumn, typeColumn,
                usageColumn, sensitiveColumn, extractableColumn, localColumn, findingColumn, findingsList);

        bindRings();
        RotationWizardPane wizard = new RotationWizardPane(viewModel, text);
        wizardLayer.getChildren().setAll(wizard.node());
        wizardLayer.visibleProperty().bind(viewModel.wizard().phaseProperty().isNotEqualTo(RotationWizard.Phase.CLOSED));

        if (viewModel.loadsProperty().get() == 0) {
            viewModel.refresh();
        }
    }

    private void bindRings() {
        ringList.setItems(viewModel.rings());
        ringList.setPlaceholder(emptyNote(i18n.get("keys.rings.none")));
        ringList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(KeyRing ring, boolean empty) {
                super.updateItem(ring, empty);
                // a cell as wide as the list: long ring names end in an ellipsis instead of a scroll bar
                setPrefWidth(0);
                if (empty || ring == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(ring.name());
                    setGraphic(text.cryptoperiodIcon(viewModel.cryptoperiod(ring).orElse(null), ring.pending().isPresent()));
                }
            }
        });
        ringList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                viewModel.selectedRingProperty().set(now);
            }
        });
        viewModel.selectedRingProperty().addListener((obs, was, now) -> showRing(now));
        showRing(viewModel.selectedRingProperty().get());

        rotateButton.setGraphic(new FontIcon(Material2MZ.ROTATE_RIGHT));
        rotateButton.setOnAction(e -> viewModel.rotate());
        rotateButton.disableProperty().bind(viewModel.selectedRingProperty().isNull()
                .or(viewModel.tokenProperty().isNull()).or(viewModel.rotationUnavailableProperty().isNotEmpty()));
        retireButton.setOnAction(e -> selectedVersion().ifPresent(viewModel::retire));
        restoreButton.setOnAction(e -> selectedVersion().ifPresent(viewModel::restore));
        retireButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !inState(KeyVersionState.RETIRING),
                versionTable.getSelectionModel().selectedItemProperty()));
        restoreButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !inState(KeyVersionState.SCHEDULED_FOR_DESTRUCTION),
                versionTable.getSelectionModel().selectedItemProperty()));
        destroyButton.setGraphic(new FontIcon(Material2AL.DELETE_FOREVER));
        destroyButton.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.get("keys.destroyDueCount", viewModel.due().size()), viewModel.due()));
        destroyButton.disableProperty().bind(Bindings.isEmpty(viewModel.due()));
        destroyButton.setOnAction(e -> DualControlDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(),
                i18n, viewModel, viewModel.due().size()));

        versionTable.setPlaceholder(emptyNote(i18n.get("keys.versions.none")));
        numberColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper("v" + row.getValue().number()));
        stateColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue()));
        stateColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(KeyVersion v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : text.state(v));
                setGraphic(empty || v == null ? null : text.stateIcon(v.state()));
            }
        });
        createdColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(when(row.getValue().createdAt())));
        activatedColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(when(row.getValue().stateSince())));
        dueColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(when(row.getValue().dueAt())));
        // the key id and token label are long; the row's tooltip carries them whole
        versionTable.setRowFactory(table -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(KeyVersion v, boolean empty) {
                super.updateItem(v, empty);
                setTooltip(empty || v == null ? null : new javafx.scene.control.Tooltip(i18n.get("keys.version.tooltip",
                        v.keyLabel(), v.kid() == null ? "\u2013" : v.kid())));
            }
        });
    }

    private void showRing(KeyRing ring) {
        if (ring == null) {
            ringTitle.setText(i18n.get("keys.rings.noneSelected"));
            cryptoperiod.setText("");
            cryptoperiod.setGraphic(null);
            policy.setText("");
            grace.setText("");
            versionTable.getItems().clear();
            return;
        }
        if (ringList.getSelectionModel().getSelectedItem() != ring) {
            ringList.getSelectionModel().select(ring);
        }
        ringTitle.setText(i18n.get("keys.ring.title", ring.name(), text.algorithm(ring.policy().algorithm())));
        text.showCryptoperiod(cryptoperiod, ring, viewModel.cryptoperiod(ring).orElse(null), time);
        policy.setText(i18n.get("keys.ring.policy", text.duration(ring.policy().cryptoperiod()),
                text.duration(ring.policy().warnBefore()), text.duration(ring.policy().destructionWindow())));
        grace.setText(i18n.get("keys.ring.grace", text.duration(ring.policy().gracePeriod())));
        versionTable.getItems().setAll(ring.versions().reversed());
    }

    private boolean inState(KeyVersionState state) {
        KeyVersion v = versionTable.getSelectionModel().getSelectedItem();
        return v != null && v.state() == state;
    }

    private java.util.Optional<KeyVersion> selectedVersion() {
        return java.util.Optional.ofNullable(versionTable.getSelectionModel().getSelectedItem());
    }

    private String when(Instant instant) {
        return instant == null ? "" : time.shortDateTime(instant);
    }

    private void markStatus(Notice notice) {
        status.getStyleClass().remove("health-down");
        status.setGraphic(null);
        if (notice != null && notice.problem()) {
            status.getStyleClass().add("health-down");
            FontIcon icon = new FontIcon(Material2AL.ERROR_OUTLINE);
            icon.getStyleClass().add("health-down");
            status.setGraphic(icon);
        }
    }

    private static Label emptyNote(String message) {
        Label label = new Label(message);
        label.setWrapText(true);
        label.setMaxWidth(520);
        return label;
    }

    /** Shows a tab, for shortcuts and tests. */
    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), "keys.shortcut.rotate", () -> {
                    tabs.getSelectionModel().select(ringsTab);
                    if (!rotateButton.isDisabled()) {
                        viewModel.rotate();
                    }
                }),
                new Shortcut(new KeyCodeCombination(KeyCode.F5), "keys.shortcut.refresh", viewModel::refresh),
                new Shortcut(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        "keys.shortcut.inventory", () -> tabs.getSelectionModel().select(inventoryTab)),
                new Shortcut(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        "keys.shortcut.rings", () -> tabs.getSelectionModel().select(ringsTab)),
                new Shortcut(new KeyCodeCombination(KeyCode.ESCAPE), "keys.shortcut.closeWizard",
                        () -> viewModel.wizard().close()));
    }

    @Override
    public void focusFirst() {
        tabs.requestFocus();
    }
}
