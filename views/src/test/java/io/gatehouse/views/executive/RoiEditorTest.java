package io.gatehouse.views.executive;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.roi.RoiBook;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import java.nio.file.Path;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The ROI editor on a real store: a good edit is saved and audited, a bad one says why and saves nothing. */
class RoiEditorTest extends FxRobot {
    @TempDir
    Path dir;

    private LocalStore store;
    private RoiBook book;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        ManualClock clock = ManualClock.at("2026-07-01T10:00:00Z");
        store = LocalStore.open(dir.resolve("data"));
        var lead = TestOperators.lead(clock);
        book = new RoiBook(store, new AuditLog(store, lead, clock), lead, clock);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void editsTheFirstRowAndEntersLossesToDate() {
        RoiEditor editor = new RoiEditor(book, new I18n(Language.ENGLISH));
        GridPane[] form = new GridPane[1];
        interact(() -> form[0] = editor.form());
        interact(() -> {
            field(form[0], "#roiBaseline").setText("1750000");
            field(form[0], "#roiTarget").setText("45,5");
            field(form[0], "#roiLosses").setText("300000");
        });

        boolean[] saved = new boolean[1];
        interact(() -> saved[0] = editor.save());

        assertThat(saved[0]).isTrue();
        assertThat(book.rows().getFirst().baseline().value()).isEqualByComparingTo("1750000");
        assertThat(book.rows().getFirst().targetReduction()).isEqualByComparingTo("45.5");
        assertThat(book.latestActuals().get("auth-friction").lossesToDate().value()).isEqualByComparingTo("300000");
    }

    @Test
    void aBadValueIsOneSentenceAndNothingIsSaved() {
        RoiEditor editor = new RoiEditor(book, new I18n(Language.ENGLISH));
        GridPane[] form = new GridPane[1];
        interact(() -> form[0] = editor.form());
        interact(() -> field(form[0], "#roiTarget").setText("140"));

        boolean[] saved = new boolean[1];
        interact(() -> saved[0] = editor.save());

        assertThat(saved[0]).isFalse();
        assertThat(editor.problem()).isEqualTo(
                "Not saved: the target reduction of 'Authentication friction' must be between 0 and 100 %, got 140.");
        assertThat(book.rows().getFirst().targetReduction()).isEqualByComparingTo("40");

        interact(() -> {
            field(form[0], "#roiTarget").setText("40");
            field(form[0], "#roiBaseline").setText("lots");
        });
        interact(() -> saved[0] = editor.save());
        assertThat(editor.problem()).isEqualTo("Not saved: 'lots' is not a number.");
    }

    private static TextField field(GridPane form, String id) {
        return (TextField) form.lookup(id);
    }
}
