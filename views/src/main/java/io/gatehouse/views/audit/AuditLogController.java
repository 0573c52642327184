package io.gatehouse.views.audit;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.ChainVerification;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import java.text.NumberFormat;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Audit log area: filters, the entries, and the chain verification. */
public final class AuditLogController implements AreaController {
    private final AuditLogViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;
    private final NumberFormat numbers;

    @FXML private TextField actorFilter;
    @FXML private TextField actionFilter;
    @FXML private TextField subjectFilter;
    @FXML private DatePicker fromFilter;
    @FXML private DatePicker toFilter;
    @FXML private Button applyButton;
    @FXML private Button clearButton;
    @FXML private Label rangeProblem;
    @FXML private TableView<AuditEntry> table;
    @FXML private TableColumn<AuditEntry, String> sequenceColumn;
    @FXML private TableColumn<AuditEntry, String> timeColumn;
    @FXML private TableColumn<AuditEntry, String> actorColumn;
    @FXML private TableColumn<AuditEntry, String> actionColumn;
    @FXML private TableColumn<AuditEntry, String> subjectColumn;
    @FXML private Button verifyButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar verifyProgress;
    @FXML private Label verifyStatus;

    public AuditLogController(AuditLogViewModel viewModel, I18n i18n, TimeFormat time) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.time = time;
        this.numbers = NumberFormat.getIntegerInstance(i18n.locale());
    }

    @FXML
    private void initialize() {
        actorFilter.textProperty().bindBidirectional(viewModel.actorProperty());
        actionFilter.textProperty().bindBidirectional(viewModel.actionProperty());
        subjectFilter.textProperty().bindBidirectional(viewModel.subjectProperty());
        fromFilter.valueProperty().bindBidirectional(viewModel.fromProperty());
        toFilter.valueProperty().bindBidirectional(viewModel.toProperty());
        for (TextField field : List.of(actorFilter, actionFilter, subjectFilter)) {
            field.setOnAction(e -> viewModel.refresh());
        }
        applyButton.setGraphic(new FontIcon(Material2AL.FILTER_ALT));
        applyButton.setOnAction(e -> viewModel.refresh());
        applyButton.disableProperty().bind(viewModel.rangeReversedProperty().or(viewModel.loadingProperty()));
        clearButton.setOnAction(e -> viewModel.clearFilters());
        rangeProblem.visibleProperty().bind(viewModel.rangeReversedProperty());
        rangeProblem.managedProperty().bind(viewModel.rangeReversedProperty());
        rangeProblem.setGraphic(new FontIcon(Material2MZ.WARNING));

        table.setItems(viewModel.entries());
        table.placeholderProperty().bind(Bindings.createObjectBinding(() -> new Label(i18n.get(
                viewModel.loadingProperty().get() ? "audit.loading"
                        : viewModel.loadedProperty().get() ? "audit.noEntries" : "audit.notLoaded")),
                viewModel.loadingProperty(), viewModel.loadedProperty()));
        sequenceColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(numbers.format(row.getValue().sequence())));
        timeColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(time.dateTime(row.getValue().at())));
        actorColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().actorId()));
        actionColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().action()));
        subjectColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().subject()));

        verifyButton.setGraphic(new FontIcon(Material2MZ.VERIFIED_USER));
        verifyButton.setOnAction(e -> viewModel.verify());
        verifyButton.disableProperty().bind(viewModel.canVerifyProperty().not());
        cancelButton.setOnAction(e -> viewModel.cancelVerify());
        cancelButton.disableProperty().bind(viewModel.verifyStateProperty().isNotEqualTo(VerifyState.RUNNING));
        verifyProgress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            VerifyState state = viewModel.verifyStateProperty().get();
            if (state == VerifyState.INTACT || state == VerifyState.BROKEN) {
                return 1.0;
            }
            long all = viewModel.totalProperty().get();
            if (state == VerifyState.RUNNING) {
                return all <= 0 ? ProgressBar.INDETERMINATE_PROGRESS : (double) viewModel.checkedProperty().get() / all;
            }
            return 0.0;
        }, viewModel.verifyStateProperty(), viewModel.checkedProperty(), viewModel.totalProperty()));
        viewModel.verifyStateProperty().addListener((obs, before, now) -> showVerifyStatus());
        viewModel.checkedProperty().addListener((obs, before, now) -> showVerifyStatus());
        showVerifyStatus();

        if (!viewModel.loadedProperty().get() && !viewModel.loadingProperty().get()) {
            viewModel.refresh();
        }
    }

    private void showVerifyStatus() {
        verifyStatus.getStyleClass().removeAll("health-up", "health-down", "health-degraded");
        ChainVerification result = viewModel.verificationProperty().get();
        switch (viewModel.verifyStateProperty().get()) {
            case IDLE -> {
                verifyStatus.setGraphic(null);
                verifyStatus.setText(i18n.get(viewModel.mayVerify() ? "audit.verify.idle" : "audit.verify.notAllowed"));
            }
            case RUNNING -> {
                verifyStatus.setGraphic(new FontIcon(Material2AL.HOURGLASS_EMPTY));
                verifyStatus.setText(i18n.get("audit.verify.running",
                        numbers.format(viewModel.checkedProperty().get()), numbers.format(viewModel.totalProperty().get())));
            }
            case INTACT -> {
                verifyStatus.setGraphic(styled(new FontIcon(Material2AL.CHECK_CIRCLE), "health-up"));
                verifyStatus.getStyleClass().add("health-up");
                verifyStatus.setText(i18n.get("audit.verify.intact", numbers.format(result.count()),
                        time.dateTime(viewModel.verifiedAtProperty().get()), shortHash(result.headHash())));
            }
            case BROKEN -> {
                verifyStatus.setGraphic(styled(new FontIcon(Material2MZ.REPORT), "health-down"));
                verifyStatus.getStyleClass().add("health-down");
                verifyStatus.setText(i18n.get("audit.verify.broken", numbers.format(result.firstBrokenSequence()),
                        result.problem() == null ? "" : result.problem()));
            }
            case CANCELLED -> {
                verifyStatus.setGraphic(styled(new FontIcon(Material2MZ.WARNING), "health-degraded"));
                verifyStatus.setText(i18n.get("audit.verify.cancelled"));
            }
            case FAILED -> {
                verifyStatus.setGraphic(styled(new FontIcon(Material2MZ.REPORT), "health-down"));
                verifyStatus.setText(i18n.get("audit.verify.failed"));
            }
        }
    }

    private static FontIcon styled(FontIcon icon, String styleClass) {
        icon.getStyleClass().add(styleClass);
        return icon;
    }

    private static String shortHash(String hash) {
        return hash == null ? "" : hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), "shortcut.audit.filter", actorFilter::requestFocus),
                Shortcut.listed(new KeyCodeCombination(KeyCode.ENTER), "shortcut.audit.apply"),
                new Shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), "shortcut.audit.refresh", viewModel::refresh),
                new Shortcut(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), "shortcut.audit.verify", viewModel::verify),
                new Shortcut(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), "shortcut.audit.cancel", viewModel::cancelVerify));
    }

    @Override
    public void focusFirst() {
        actorFilter.requestFocus();
    }
}
