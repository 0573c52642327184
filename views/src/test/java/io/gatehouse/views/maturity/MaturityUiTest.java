package io.gatehouse.views.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.maturity.AssessmentFiles;
import io.gatehouse.data.maturity.AssessmentSummary;
import io.gatehouse.data.maturity.Grade;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.testing.FailingChannel;
import io.gatehouse.data.testing.FailingChannel.Fault;
import io.gatehouse.views.common.FxmlLoaderFactory;
import io.gatehouse.views.common.FxmlView;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.Themes;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ShellWindow;
import io.gatehouse.views.shell.Area;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import io.gatehouse.views.testing.TestConsole;
import io.gatehouse.data.settings.TimeDisplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Maturity & audit area, headless, on a real store with two quarters recorded. */
class MaturityUiTest extends FxRobot {
    private static final Path SHOTS = Path.of("target/screenshots/maturity");

    @TempDir
    Path dir;

    private MaturityFixture fixture;
    private Stage stage;
    private final List<Path> picks = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (stage != null) {
            interact(stage::hide);
        }
        interact(() -> Themes.apply(ThemeChoice.LIGHT));
        fixture.close();
    }

    private MaturityController open(ThemeChoice theme) {
        return open(theme, "en");
    }

    private MaturityController open(ThemeChoice theme, String language) {
        I18n i18n = new I18n(Language.fromTag(language));
        TimeFormat time = new TimeFormat(i18n.locale(), TimeDisplay.UTC, ZoneId.of("UTC"));
        MaturityViewModel vm = new MaturityViewModel(fixture.book, new AssessmentFiles(new SafeFileWriter()),
                new SameThreadTaskExecutor(), e -> { });
        FilePicker picker = new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title) {
                return picks.isEmpty() ? Optional.empty() : Optional.of(picks.removeFirst());
            }

            @Override
            public Optional<Path> save(Window owner, String title, String suggestedName) {
                return picks.isEmpty() ? Optional.empty() : Optional.of(picks.removeFirst());
            }
        };
        MaturityController c = new MaturityController(vm, i18n, time, java.time.InstantSource.fixed(TestConsole.NOW), picker, suggestion -> Optional.of("Q1 2027 review"));
        interact(() -> {
            Themes.apply(theme);
            Parent root = new FxmlLoaderFactory(i18n, Map.of()).with(MaturityController.class, () -> c).load(FxmlView.MATURITY);
            Scene scene = new Scene(root, 1280, 820);
            scene.getStylesheets().add(MaturityUiTest.class.getResource("/io/gatehouse/views/gatehouse.css").toExternalForm());
            if (Themes.isDark(theme)) {
                root.getStyleClass().add("theme-dark");
            }
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return c;
    }

    private void tab(int index) {
        interact(() -> from(stage.getScene().getRoot()).lookup("#tabs").queryAs(TabPane.class).getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            image[0] = stage.getScene().snapshot(null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", SHOTS.resolve(name).toFile());
    }

    @Test
    void everyTabInBothThemes() throws Exception {
        fixture = new MaturityFixture(dir, java.time.InstantSource.fixed(TestConsole.NOW)).seeded();
        String[] names = {"overview", "assessment", "roadmap", "audit", "gaps", "compare"};
        for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
            open(theme);
            for (int i = 0; i < names.length; i++) {
                tab(i);
                if (i == 5) {
                    interact(() -> from(stage.getScene().getRoot()).lookup("#compareButton").queryAs(Button.class).fire());
                }
                if (i == 3) {
                    interact(() -> from(stage.getScene().getRoot()).lookup("#auditTable").queryAs(TableView.class).getSelectionModel().select(0));
                }
                shot(names[i] + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png");
            }
            assertNoRawKeys();
            interact(stage::hide);
            stage = null;
        }
        open(ThemeChoice.DARK, "de");
        shot("overview-de-dark.png");
        tab(3);
        shot("audit-de-dark.png");
        assertNoRawKeys();
        assertThat(texts()).contains("Verteidigungs-Audit", "Aktualisieren");
    }

    @Test
    void theOverviewShowsCurrentTargetAndPreviousWithATilePerDimension() {
        fixture = new MaturityFixture(dir, java.time.InstantSource.fixed(TestConsole.NOW)).seeded();
        MaturityController c = open(ThemeChoice.LIGHT);
        RadarChart radar = c.radar();
        assertThat(radar.seriesProperty().get()).extracting(RadarSeries::name)
                .containsExactly("Previous: Q3 2026 review", "Target", "Current: Q4 2026 review");
        Set<Tile> tiles = from(stage.getScene().getRoot()).lookup(".maturity-tile").queryAllAs(Tile.class);
        assertThat(tiles).hasSize(4);
        double architecture = fixture.book.find("q4-2026").orElseThrow().scores()
                .get(io.gatehouse.data.maturity.Dimension.ARCHITECTURE).value();
        assertThat(tiles).anySatisfy(t -> assertThat(t.getValue()).isEqualTo(architecture));
        assertThat(texts()).contains("Target 3 · previous " + String.format("%.2f", fixture.book.find("q3-2026").orElseThrow()
                .scores().get(io.gatehouse.data.maturity.Dimension.ARCHITECTURE).value()));
    }

    @Test
    void gradingACriterionMovesTheScoreAndSaveKeepsIt() {
        fixture = new MaturityFixture(dir, java.time.InstantSource.fixed(TestConsole.NOW)).seeded();
        open(ThemeChoice.LIGHT);
        tab(1);
        @SuppressWarnings("unchecked")
        TreeTableView<AssessmentEditor.Row> tree = from(stage.getScene().getRoot()).lookup("#criteriaTree").queryAs(TreeTableView.class);
        TreeItem<AssessmentEditor.Row> firstCriterion = tree.getRoot().getChildren().get(1).getChildren().get(1).getChildren().get(0);
        assertThat(firstCriterion.getValue().criterion().id()).isEqualTo("exe-2-1");
        // exe-2-1 is answered automatically (four-eyes): the grade cannot be typed in
        interact(() -> tree.getSelectionModel().select(firstCriterion));
        assertThat(from(stage.getScene().getRoot()).lookup("#gradeChoice").queryAs(ChoiceBox.class).isDisabled()).isTrue();
        TreeItem<AssessmentEditor.Row> manual = tree.getRoot().getChildren().get(1).getChildren().get(1).getChildren().get(1);
        interact(() -> tree.getSelectionModel().select(manual));
        @SuppressWarnings("unchecked")
        ChoiceBox<Grade> grade = from(stage.getScene().getRoot()).lookup("#gradeChoice").queryAs(ChoiceBox.class);
        interact(() -> grade.setValue(Grade.ALL));
        interact(() -> from(stage.getScene().getRoot()).lookup("#evidenceNote").queryAs(javafx.scene.control.TextArea.class).setText("Runbooks in the wiki"));
        interact(() -> from(stage.getScene().getRoot()).lookup("#applyAnswer").queryAs(Button.class).fire());
        assertThat(texts()).contains("Unsaved changes: Save keeps them.");
        assertThat(from(stage.getScene().getRoot()).lookup("#evidenceNote").queryAs(javafx.scene.control.TextArea.class).getText()).isEqualTo("Runbooks in the wiki");
        interact(() -> from(stage.getScene().getRoot()).lookup("#saveButton").queryAs(Button.class).fire());
        var saved = fixture.book.find("q4-2026").orElseThrow();
        assertThat(saved.answerSet().grade(manual.getValue().criterion().id())).isEqualTo(Grade.ALL);
        assertThat(saved.answerSet().get(manual.getValue().criterion().id()).orElseThrow().note()).isEqualTo("Runbooks in the wiki");
        assertThat(texts()).contains("Saved Q4 2026 review.");
    }

    @Test
    void aBadImportSaysWhyAndImportsNothingAndAnExportToAFullDiskLeavesNoFile() throws Exception {
        fixture = new MaturityFixture(dir, java.time.InstantSource.fixed(TestConsole.NOW)).seeded();
        open(ThemeChoice.LIGHT);
        Path bad = dir.resolve("bad.gatehouse.json");
        Files.writeString(bad, "{\"format\":\"gatehouse-assessments\",\"version\":7,\"assessments\":[]}");
        picks.add(bad);
        interact(() -> from(stage.getScene().getRoot()).lookup("#importMenu").queryAs(javafx.scene.control.MenuButton.class).getItems().getFirst().fire());
        assertThat(texts()).anySatisfy(t -> assertThat(t).contains("format version 7 is not supported"));
        assertThat(fixture.book.list()).extracting(AssessmentSummary::id).containsExactly("q3-2026", "q4-2026");

        Path good = dir.resolve("q4.gatehouse.json");
        picks.add(good);
        interact(() -> from(stage.getScene().getRoot()).lookup("#exportMenu").queryAs(javafx.scene.control.MenuButton.class).getItems().getFirst().fire());
        assertThat(new AssessmentFiles(new SafeFileWriter()).readAssessments(good)).hasSize(1);

        MaturityViewModel failing = new MaturityViewModel(fixture.book,
                new AssessmentFiles(new SafeFileWriter(FailingChannel.opener(Fault.DISK_FULL, 1))), new SameThreadTaskExecutor(), e -> { });
        failing.load();
        Path full = dir.resolve("full.gatehouse.json");
        failing.exportAssessment(full);
        assertThat(failing.statusProperty().get().detail()).contains("the disk is full");
        assertThat(full).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void aNewAssessmentStartsFromTheLatestAnswersAndBecomesCurrentOnSave() {
        fixture = new MaturityFixture(dir, java.time.InstantSource.fixed(TestConsole.NOW)).seeded();
        MaturityController c = open(ThemeChoice.LIGHT);
        interact(() -> from(stage.getScene().getRoot()).lookup("#newButton").queryAs(Button.class).fire());
        assertThat(texts()).anySatisfy(t -> assertThat(t).contains("Unsaved changes: Save keeps them."));
        interact(() -> from(stage.getScene().getRoot()).lookup("#saveButton").queryAs(Button.class).fire());
        assertThat(fixture.book.list()).extracting(AssessmentSummary::name)
                .containsExactly("Q3 2026 review", "Q4 2026 review", "Q1 2027 review");
        assertThat(c.radar().seriesProperty().get()).extracting(RadarSeries::name)
                .containsExactly("Previous: Q4 2026 review", "Target", "Current: Q1 2027 review");
    }

    @Test
    void theShellLoadsTheAreaWhenTheConsoleHasAMaturityBook() throws Exception {
        fixture = new MaturityFixture(dir, java.time.InstantSource.fixed(TestConsole.NOW)).seeded();
        TestConsole console = new TestConsole(dir);
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context(true).withMaturity(fixture.book), new Stage())));
        ShellWindow window = holder.getFirst();
        stage = window.stage();
        interact(() -> window.select(Area.MATURITY_AUDIT));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(from(stage.getScene().getRoot()).lookup("#maturityRadar").tryQuery()).isPresent();
        assertThat(from(stage.getScene().getRoot()).lookup(".maturity-tile").queryAll()).hasSize(4);
        shot("shell-maturity-light.png");
        push(KeyCode.CONTROL, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        shot("shell-maturity-dark.png");
        console.close();
    }

    private Set<String> texts() {
        Set<String> all = new java.util.HashSet<>();
        collect(stage.getScene().getRoot(), all);
        return all;
    }

    private static void collect(Node node, Set<String> all) {
        if (node instanceof Labeled l && l.getText() != null) {
            all.add(l.getText());
        }
        if (node instanceof Tile t) {
            all.add(t.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, all));
        }
    }

    private void assertNoRawKeys() {
        assertThat(texts()).noneMatch(t -> t.startsWith("maturity."));
    }
}
