package io.gatehouse.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.views.shell.Area;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ShellWindow;
import io.gatehouse.views.testing.InMemoryReviewDesk;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the Review desk headless by keyboard, against an in-memory desk. */
class ReviewDeskUiTest extends FxRobot {
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
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context(), new Stage())));
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
    void selectingACaseAndPressingAApprovesIt() {
        TableView<?> table = lookup("#table").queryTableView();
        assertThat(table.getItems()).hasSize(5);

        push(KeyCode.J);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(lookup(".evidence-title").queryLabeled().getText()).contains("case_1006").contains("¥12,000");
        assertThat(lookup(".evidence").queryAs(javafx.scene.layout.Pane.class).getChildrenUnmodifiable()).hasSizeGreaterThan(3);

        push(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(console.reviewDesk.decisions)
                .containsExactly(new InMemoryReviewDesk.Decision("case_1006", DecisionAction.APPROVE, ""));
        assertThat(lookup("#decisionStatus").queryAs(Labeled.class).getText()).contains("case_1006");
    }

    @Test
    void reversingAsksForAReasonInlineAndLettersTypeIntoIt() {
        interact(() -> lookup("#statusFilter").<ChoiceBox<StatusChoice>>query().getSelectionModel()
                .select(StatusChoice.AUTO_DECLINED));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> window.select(Area.REVIEW_DESK));
        assertThat(lookup("#reasonField").tryQuery()).as("the reason bar is out of the scene until asked for").isEmpty();
        push(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        TextField reason = lookup("#reasonField").queryAs(TextField.class);
        assertThat(reason.getParent().isVisible()).isTrue();
        assertThat(reason.isFocused()).isTrue();

        write("Had a call");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(console.reviewDesk.decisions).containsExactly(
                new InMemoryReviewDesk.Decision("case_1002", DecisionAction.REVERSE_DECLINE, "Had a call"));
        assertThat(reason.getParent().isVisible()).as("the reason bar closes").isFalse();
        assertThat(lookup("#reasonField").tryQuery()).as("and leaves the scene").isEmpty();
    }
}
