package io.gatehouse.views.maturity;

import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.AssessmentFiles;
import io.gatehouse.data.maturity.AssessmentSummary;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Maturity & audit area: the radar with the dimension tiles and the timeline, the assessment
 * editor, the roadmap, the defensive audit checklist with its gap analysis, and comparisons.
 */
public final class MaturityController implements AreaController {
    private final MaturityViewModel viewModel;
    private final MaturityText text;
    private final FilePicker files;
    private final NameAsker names;
    private final InstantSource clock;
    private OverviewPane overview;
    private AssessmentEditor editor;
    private GapPane.RoadmapView roadmap;
    private AuditPane audit;
    private GapPane.AuditGapView gaps;
    private ComparisonPane comparison;
    private boolean choosing;

    @FXML private VBox root;
    @FXML private ComboBox<AssessmentSummary> assessmentChoice;
    @FXML private Button newButton;
    @FXML private Button refreshButton;
    @FXML private Button saveButton;
    @FXML private MenuButton importMenu;
    @FXML private MenuButton exportMenu;
    @FXML private Label status;
    @FXML private TabPane tabs;
    @FXML private ScrollPane overviewScroller;
    @FXML private Tab editorTab;
    @FXML private Tab roadmapTab;
    @FXML private Tab auditTab;
    @FXML private Tab gapTab;
    @FXML private Tab compareTab;

    /** Asks for the name of a new assessment; empty when the operator cancels. */
    @FunctionalInterface
    public interface NameAsker {
        Optional<String> ask(String suggestion);
    }

    public MaturityController(MaturityViewModel viewModel, I18n i18n, TimeFormat time, InstantSource clock, FilePicker files,
            NameAsker names) {
        this.viewModel = viewModel;
        this.text = new MaturityText(i18n, time);
        this.clock = clock;
        this.files = files;
        this.names = names;
    }

    /** The platform's dialogs for file choice and naming. */
    public MaturityController(MaturityViewModel viewModel, I18n i18n, TimeFormat time, InstantSource clock) {
        this(viewModel, i18n, time, clock, FilePicker.system(i18n.get("maturity.file.filter")), suggestion -> {
            TextInputDialog dialog = new TextInputDialog(suggestion);
            dialog.setTitle(i18n.get("maturity.new.title"));
            dialog.setHeaderText(i18n.get("maturity.new.prompt"));
            return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
        });
    }

    @FXML
    private void initialize() {
        overview = new OverviewPane(text);
        overview.setPadding(new Insets(8));
        overviewScroller.setContent(overview);
        editor = new AssessmentEditor(viewModel, text);
        editor.setPadding(new Insets(8));
        editorTab.setContent(editor);
        roadmap = new GapPane.RoadmapView(text);
        roadmap.setPadding(new Insets(8));
        roadmapTab.setContent(roadmap);
        audit = new AuditPane(viewModel, text);
        auditTab.setContent(audit);
        gaps = new GapPane.AuditGapView(text);
        gaps.setPadding(new Insets(8));
        gapTab.setContent(gaps);
        comparison = new ComparisonPane(viewModel, text);
        comparison.setPadding(new Insets(8));
        compareTab.setContent(comparison);

        newButton.setGraphic(new FontIcon(Material2AL.ADD));
        refreshButton.setGraphic(new FontIcon(Material2MZ.REFRESH));
        refreshButton.setTooltip(new javafx.scene.control.Tooltip(text.i18n().get("maturity.refresh.tooltip")));
        saveButton.setGraphic(new FontIcon(Material2MZ.SAVE));
        importMenu.setGraphic(new FontIcon(Material2AL.FILE_UPLOAD));
        exportMenu.setGraphic(new FontIcon(Material2AL.GET_APP));
        saveButton.disableProperty().bind(viewModel.dirtyProperty().not().or(viewModel.busyProperty()));
        refreshButton.disableProperty().bind(viewModel.currentProperty().isNull().or(viewModel.busyProperty()));
        newButton.disableProperty().bind(viewModel.busyProperty());

        assessmentChoice.setItems(viewModel.assessments());
        assessmentChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(AssessmentSummary s) {
                return s == null ? "" : text.i18n().get("maturity.assessment.label", s.name(), s.date().toString());
            }

            @Override
            public AssessmentSummary fromString(String s) {
                return null;
            }
        });
        assessmentChoice.valueProperty().addListener((obs, before, now) -> {
            if (!choosing && now != null) {
                viewModel.select(now.id());
            }
        });

        InvalidationListener redraw = o -> show();
        viewModel.currentProperty().addListener(redraw);
        viewModel.previousProperty().addListener(redraw);
        viewModel.timelineProperty().addListener(redraw);
        viewModel.dirtyProperty().addListener(o -> showStatus());
        viewModel.statusProperty().addListener(o -> showStatus());
        viewModel.assessments().addListener((javafx.collections.ListChangeListener<AssessmentSummary>) c ->
                comparison.preselect(viewModel.assessments()));
        show();
        showStatus();
        if (viewModel.assessments().isEmpty() && viewModel.currentProperty().get() == null) {
            viewModel.load();
        }
    }

    private void show() {
        Assessment current = viewModel.currentProperty().get();
        overview.show(current, viewModel.previousProperty().get(), viewModel.timelineProperty().get());
        editor.show(current);
        roadmap.show(current);
        audit.show(current);
        gaps.show(current);
        comparison.preselect(viewModel.assessments());
        choosing = true;
        try {
            assessmentChoice.setValue(current == null ? null : viewModel.assessments().stream()
                    .filter(s -> s.id().equals(current.id())).findFirst().orElse(null));
        } finally {
            choosing = false;
        }
    }

    private void showStatus() {
        MaturityViewModel.Status s = viewModel.statusProperty().get();
        Assessment current = viewModel.currentProperty().get();
        String line = switch (s.outcome()) {
            case FAILED -> text.i18n().get("maturity.status.failed", s.detail());
            case SAVED -> text.i18n().get("maturity.status.saved", s.detail());
            case IMPORTED -> text.i18n().get("maturity.status.imported", s.detail());
            case EXPORTED -> text.i18n().get("maturity.status.exported", s.detail());
            case CATALOGUE_INSTALLED -> text.i18n().get("maturity.status.catalogue", s.detail());
            case REFRESHED -> text.i18n().get("maturity.status.refreshed");
            case LOADED, NONE -> current == null ? text.i18n().get("maturity.status.empty") : "";
        };
        if (viewModel.dirtyProperty().get()) {
            line = (line.isEmpty() ? "" : line + " ") + text.i18n().get("maturity.status.unsaved");
        }
        status.setText(line);
        status.getStyleClass().removeAll("maturity-status-failed");
        if (s.outcome() == MaturityViewModel.Outcome.FAILED) {
            status.getStyleClass().add("maturity-status-failed");
        }
        status.setVisible(!line.isEmpty());
        status.setManaged(!line.isEmpty());
    }

    @FXML
    void newAssessment() {
        names.ask(text.i18n().get("maturity.new.suggestion", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString()))
                .ifPresent(viewModel::newAssessment);
    }

    @FXML
    void refreshEvidence() {
        viewModel.refreshEvidence();
    }

    @FXML
    void save() {
        viewModel.save();
    }

    @FXML
    void importAssessments() {
        files.open(root.getScene().getWindow(), text.i18n().get("maturity.import.assessments")).ifPresent(viewModel::importAssessments);
    }

    @FXML
    void importCatalogue() {
        files.open(root.getScene().getWindow(), text.i18n().get("maturity.import.catalogue")).ifPresent(viewModel::importCatalogue);
    }

    @FXML
    void exportAssessment() {
        Assessment a = viewModel.currentProperty().get();
        if (a == null) {
            return;
        }
        files.save(root.getScene().getWindow(), text.i18n().get("maturity.export.assessment"),
                fileName(a.name()) + AssessmentFiles.EXTENSION).ifPresent(viewModel::exportAssessment);
    }

    @FXML
    void exportCatalogue() {
        files.save(root.getScene().getWindow(), text.i18n().get("maturity.export.catalogue"),
                "catalogue" + AssessmentFiles.EXTENSION).ifPresent(viewModel::exportCatalogue);
    }

    // a name typed by a person may hold characters a file system refuses
    static String fileName(String name) {
        String cleaned = name.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "assessment" : cleaned;
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), "maturity.shortcut.save", this::save),
                new Shortcut(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), "maturity.shortcut.new",
                        this::newAssessment),
                new Shortcut(new KeyCodeCombination(KeyCode.F5), "maturity.shortcut.refresh", this::refreshEvidence),
                new Shortcut(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN), "maturity.shortcut.import",
                        this::importAssessments),
                new Shortcut(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), "maturity.shortcut.export",
                        this::exportAssessment),
                new Shortcut(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), "maturity.shortcut.nextTab",
                        () -> tabs.getSelectionModel().selectNext()),
                new Shortcut(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), "maturity.shortcut.previousTab",
                        () -> tabs.getSelectionModel().selectPrevious()));
    }

    @Override
    public void focusFirst() {
        assessmentChoice.requestFocus();
    }

    /** For tests: the parts of the area, by role. */
    RadarChart radar() {
        return overview.radar();
    }
}
