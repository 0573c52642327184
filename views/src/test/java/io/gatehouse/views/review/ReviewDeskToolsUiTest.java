package io.gatehouse.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.ApprovalStatus;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.views.shell.Area;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ShellWindow;
import io.gatehouse.views.testing.InMemoryReviewDesk;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The desk's filters, checker inbox and bulk bar in the real shell at 1280x800, in both themes. */
class ReviewDeskToolsUiTest extends FxRobot {
    private static final Path SHOTS = Path.of(System.getProperty("gatehouse.shots", "target/screenshots/desk"));

    @TempDir
    Path dir;

    private TestConsole console;
    private ShellWindow window;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        console = new TestConsole(dir);
        InMemoryReviewDesk desk = console.reviewDesk;
        for (int i = 0; i < 40; i++) {
            desk.cases.add(InMemoryReviewDesk.sampleCase("case_0" + (900 - i), CaseStatus.REVIEW,
                    TestConsole.NOW.minus(Duration.ofMinutes(20 + i)), new Money(10_000 + i * 731, "EUR"), 30 + i,
                    i % 3 == 0 ? "elevated" : "normal", List.of("new_device"), "DE", "DE", "DE", "DE"));
        }
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> {
            Stage stage = new Stage();
            holder.add(ConsoleShell.open(console.context(), stage));
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        window = holder.getFirst();
        interact(() -> window.select(Area.REVIEW_DESK));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() {
        if (window.stage().isShowing()) {
            interact(() -> window.stage().hide());
        }
        console.close();
    }

    @Test
    void theFiltersBarShowsEveryFilterAndMTogglesMyCases() throws Exception {
        for (String id : List.of("#statusFilter", "#regionFilter", "#railFilter", "#currencyFilter", "#minAmountFilter",
                "#maxAmountFilter", "#minRiskFilter", "#ageFilter", "#ruleFilter", "#assigneeFilter", "#deliveryFilter",
                "#mineToggle", "#savedViews", "#bulkMenu")) {
            Node node = lookup(id).query();
            assertThat(node.isVisible()).as(id).isTrue();
            assertInsideWindow(id, node);
        }
        TableView<?> table = lookup("#table").queryTableView();
        assertThat(table.getItems()).hasSize(45);
        assertThat(lookup("#claimState").queryLabeled().getText()).contains("case_1007");
        picture("queue-light.png");
        toggleTheme();
        picture("queue-dark.png");
        toggleTheme();

        push(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#mineToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(table.getItems()).extracting(r -> ((QueueRow) r).id()).containsExactly("case_1007");
    }

    @Test
    void theCaseHistoryJoinsTheSceneWhenItsTabIsFirstShown() throws Exception {
        assertThat(lookup("#historyList").tryQuery()).isEmpty();
        TabPane side = lookup(".case-side .tab-pane").queryAs(TabPane.class);
        interact(() -> side.getSelectionModel().select(side.getTabs().stream()
                .filter(tab -> "historyTab".equals(tab.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();

        Node history = lookup("#historyList").query();
        assertThat(history.isVisible()).isTrue();
        assertInsideWindow("history", history);
        picture("history-light.png");
    }

    @Test
    void newCasesAppearWithoutMovingTheSelectionOrTheScrollPosition() {
        TableView<QueueRow> table = lookup("#table").queryTableView();
        interact(() -> {
            table.getSelectionModel().select(30);
            table.scrollTo(25);
        });
        WaitForAsyncUtils.waitForFxEvents();
        TableScrollKeeper keeper = new TableScrollKeeper(table);
        String[] before = new String[2];
        interact(() -> {
            before[0] = keeper.topCaseId();
            before[1] = table.getSelectionModel().getSelectedItem().id();
        });
        String top = before[0];
        String chosen = before[1];
        console.reviewDesk.released.clear();
        assertThat(top).isNotNull().isNotEqualTo(table.getItems().getFirst().id());
        for (int i = 1; i <= 3; i++) {
            console.reviewDesk.arrive(InMemoryReviewDesk.sampleCase("case_20" + i, CaseStatus.REVIEW, TestConsole.NOW,
                    new Money(5_000, "EUR"), 50, "normal", List.of(), "DE", "DE", "DE", "DE"));
        }

        interact(() -> desk(table).poll());
        WaitForAsyncUtils.waitForFxEvents();

        String[] after = new String[3];
        interact(() -> {
            after[0] = table.getItems().getFirst().id();
            after[1] = table.getSelectionModel().getSelectedItem().id();
            after[2] = keeper.topCaseId();
        });
        assertThat(after[0]).isEqualTo("case_203");
        assertThat(after[1]).isEqualTo(chosen);
        assertThat(after[2]).as("the case at the top of the view stays there").isEqualTo(top);
        assertThat(console.reviewDesk.released).as("the analyst's claim is kept").isEmpty();
    }

    @Test
    void theCheckerInboxApprovesWithReasonAndPassphrase() throws Exception {
        console.reviewDesk.approvals.add(new PendingApproval("apr_17", "decision", "case_1002",
                "Reverse the automated decline of case_1002 (890.00 EUR)", "{}", "alice", TestConsole.NOW.minusSeconds(600),
                ApprovalStatus.PENDING, null, null, null));
        assertThat(lookup("#inboxTable").tryQuery()).as("the inbox joins the scene when its tab is first shown")
                .isEmpty();
        push(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = lookup("#tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("inboxTab");
        assertThat(lookup("#inboxTable").queryTableView().getItems()).hasSize(1);
        assertInsideWindow("approve", lookup("#inboxApprove").query());
        picture("inbox-light.png");
        toggleTheme();
        picture("inbox-dark.png");
        toggleTheme();

        clickOn("#inboxReason").write("Call recording checked");
        clickOn("#inboxPassphrase").write(new String(InMemoryReviewDesk.PASSPHRASE));
        clickOn("#inboxApprove");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup("#inboxOutcome").queryLabeled().getText()).contains("apr_17").contains("approved");
        assertThat(console.reviewDesk.decisions).containsExactly(new InMemoryReviewDesk.Decision("case_1002",
                DecisionAction.REVERSE_DECLINE, "Call recording checked"));
    }

    @Test
    void aBulkRunShowsItsPreviewThenItsProgress() throws Exception {
        assertThat(lookup("#bulkBar").tryQuery()).as("the bulk bar joins the scene only while a run is shown").isEmpty();
        TableView<QueueRow> table = lookup("#table").queryTableView();
        interact(() -> desk(table).previewBulk(DecisionAction.HOLD));
        WaitForAsyncUtils.waitForFxEvents();
        Labeled text = lookup("#bulkText").queryLabeled();
        assertThat(text.getText()).contains("45 cases");
        assertInsideWindow("confirm", lookup("#bulkConfirm").query());
        picture("bulk-preview-light.png");
        toggleTheme();
        picture("bulk-preview-dark.png");
        toggleTheme();

        List<String> seen = new ArrayList<>();
        console.reviewDesk.beforeDecide = () -> {
            int made = console.reviewDesk.decisions.size();
            if (made == 20) {
                seen.add(text.getText());
                shoot("bulk-progress-light.png");
            } else if (made == 65) {
                shoot("bulk-progress-dark.png");
            }
        };
        clickOn("#bulkConfirm");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(seen).singleElement().satisfies(t -> assertThat(t).contains("20 of 45"));
        assertThat(text.getText()).contains("45 decided, 0 failed");
        assertThat(console.reviewDesk.decisions).hasSize(45);

        // the same run once more in the dark theme, for its picture
        toggleTheme();
        interact(() -> desk(table).previewBulk(DecisionAction.HOLD));
        clickOn("#bulkConfirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(console.reviewDesk.decisions).hasSize(90);
        toggleTheme();
    }

    @Test
    void theHelpOverlayListsTheNewShortcuts() throws Exception {
        push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        String all = lookup("#shortcutCard").queryAs(javafx.scene.Parent.class).lookupAll(".label").stream()
                .map(n -> ((Labeled) n).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertThat(all).contains("Claim the selected case", "Show only my cases", "checker inbox", "bulk actions",
                "Write a note");
        Node card = lookup("#shortcutCard").query();
        assertInsideWindow("shortcut list", card);
        picture("shortcuts-desk-light.png");
        push(KeyCode.ESCAPE);
    }

    private ReviewDeskViewModel desk(TableView<QueueRow> table) {
        // the area's view model, reached through the table's items the way the controller wired them
        return (ReviewDeskViewModel) table.getProperties().get(ReviewDeskController.VIEW_MODEL_KEY);
    }

    private void toggleTheme() {
        push(KeyCode.CONTROL, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertInsideWindow(String what, Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        double width = window.stage().getScene().getWidth();
        double height = window.stage().getScene().getHeight();
        assertThat(b.getMaxX()).as(what + " right edge").isLessThanOrEqualTo(width);
        assertThat(b.getMaxY()).as(what + " bottom edge").isLessThanOrEqualTo(height);
        assertThat(b.getMinX()).as(what + " left edge").isGreaterThanOrEqualTo(0);
    }

    private void picture(String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        interact(() -> image[0] = window.stage().getScene().snapshot(null));
        write(name, image[0]);
    }

    private void shoot(String name) {
        try {
            write(name, window.stage().getScene().snapshot(null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(String name, WritableImage image) throws Exception {
        Files.createDirectories(SHOTS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name).toFile());
    }
}
