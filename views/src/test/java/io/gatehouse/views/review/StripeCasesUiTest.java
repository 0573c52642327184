package io.gatehouse.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.Money;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.views.shell.Area;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ScreenshotExporter;
import io.gatehouse.views.shell.ShellWindow;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desk showing cases as the Stripe Radar connector maps reviews: no merchant, region, session,
 * velocity or customer history, a device known only by its browser, and a card known only by brand,
 * last four and country. Nothing may break or read as a value that is not there.
 */
class StripeCasesUiTest extends FxRobot {
    private static final Path OUT = Path.of(System.getProperty("java.io.tmpdir"), "stripe-shots");

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    static ReviewCase stripeShaped(String id, Instant created, Money amount, int score, String level, List<String> rules,
            ReviewCase.Card card, ReviewCase.Geo geo, String userAgent) {
        return new ReviewCase(id, CaseStatus.REVIEW, created, created, "ord_" + id.substring(4, 10), null, null, "card",
                amount, new ReviewCase.Risk(score, level, rules),
                new ReviewCase.PaymentChecks("pass", "fail", "pass", null), card, geo,
                userAgent == null ? null : new ReviewCase.Device(null, null, userAgent), null, null, null, List.of(),
                false, false, null, null, List.of(), 0, List.of());
    }

    private static void stripeCases(TestConsole console) {
        Instant now = TestConsole.NOW;
        console.reviewDesk.cases.clear();
        console.reviewDesk.cases.add(stripeShaped("prv_1PqXz02eZvKYlo2CxYz12345", now.minus(Duration.ofMinutes(9)),
                new Money(12_900, "EUR"), 67, "elevated", List.of(":risk_level: = 'elevated' and :card_country: != :ip_country:"),
                new ReviewCase.Card(null, null, "visa", "4242", "US"), new ReviewCase.Geo("203.0.113.54", "FR", "FR", "DE"),
                "Chrome 124.0.6367.91 on macOS, Macintosh"));
        console.reviewDesk.cases.add(stripeShaped("prv_1PqY1b2eZvKYlo2CaAbBcCdD", now.minus(Duration.ofHours(1)),
                new Money(250_000, "JPY"), 91, "highest", List.of("rule_1PqRzz2eZvKYlo2CHiGhRiSk"),
                new ReviewCase.Card(null, null, "jcb", "0505", "JP"), new ReviewCase.Geo("198.51.100.23", "JP", "JP", "JP"),
                "Safari 17.4 on iOS, iPhone"));
        console.reviewDesk.cases.add(stripeShaped("prv_1PqY3c2eZvKYlo2CmMnNoOpP", now.minus(Duration.ofHours(2)),
                new Money(4_599, "USD"), 55, "unusual_velocity", List.of(),
                new ReviewCase.Card(null, null, "mastercard", "4444", "US"), new ReviewCase.Geo(null, null, "US", "US"),
                null));
    }

    @Test
    void radarReviewsShowWithTheirEvidenceAndUnknownsAsUnknown() throws Exception {
        try (TestConsole console = new TestConsole(dir)) {
            stripeCases(console);
            List<ShellWindow> holder = new ArrayList<>();
            interact(() -> holder.add(ConsoleShell.open(console.context(false), new Stage())));
            ShellWindow window = holder.getFirst();
            interact(() -> window.select(Area.REVIEW_DESK));
            WaitForAsyncUtils.waitForFxEvents();

            TableView<?> table = lookup("#table").queryTableView();
            assertThat(table.getItems()).hasSize(3);
            assertThat(lookup(".evidence-title").queryAs(Labeled.class).getText())
                    .contains("prv_1PqXz02eZvKYlo2CxYz12345").contains("129.00");
            interact(() -> window.stage().hide());

            console.monitor.checkNow();
            List<Path> files = ScreenshotExporter.export(console.context(false), OUT);
            assertThat(files).contains(OUT.resolve("review-desk-light.png"), OUT.resolve("review-desk-dark.png"));
        }
    }
}
