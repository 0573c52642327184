package io.gatehouse.views.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.settings.TimeDisplay;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.TimeFormat;
import io.gatehouse.views.session.SecretRequest.SecretKind;
import io.gatehouse.views.testing.InMemoryReviewDesk;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The checker inbox names the proof the signed-in session takes: the card's PIN, or the local passphrase. */
class CheckerInboxProofWordingTest extends FxRobot {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private List<String> wording(SecretKind proof, Language language) {
        InMemoryReviewDesk desk = InMemoryReviewDesk.sample();
        desk.checkerProof = proof;
        List<String> texts = new ArrayList<>();
        interact(() -> {
            CheckerInboxPane pane = new CheckerInboxPane(new CheckerInboxViewModel(desk, new SameThreadTaskExecutor(),
                    e -> { }), new I18n(language), new TimeFormat(Locale.ENGLISH, TimeDisplay.UTC,
                    ZoneId.of("UTC")));
            texts.add(pane.passphrase.getPromptText());
            collect(pane.root, texts);
        });
        return texts;
    }

    @Test
    void aSmartcardSessionIsAskedForTheCardsPinInEnglishAndGerman() {
        assertThat(wording(SecretKind.PIN, Language.ENGLISH)).contains("Your card's PIN",
                "Your card signs a fresh challenge", "Give a reason and your card's PIN.")
                .anyMatch(t -> t.contains("enter its PIN each time"))
                .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("passphrase"));
        assertThat(wording(SecretKind.PIN, Language.GERMAN)).contains("PIN Ihrer Karte",
                "Geben Sie eine Begründung und die PIN Ihrer Karte ein.")
                .anyMatch(t -> t.contains("Smartcard"))
                .noneMatch(t -> t.contains("Passphrase"));
    }

    @Test
    void theLocalProfileKeepsThePassphraseWording() {
        assertThat(wording(SecretKind.PASSPHRASE, Language.ENGLISH)).contains("Your passphrase",
                "Give a reason and your passphrase.").noneMatch(t -> t.contains("PIN"));
        assertThat(wording(SecretKind.PASSPHRASE, Language.GERMAN)).contains("Ihre Passphrase")
                .noneMatch(t -> t.contains("PIN"));
    }

    @Test
    void screenshotsOfThePinWordingInBothThemes() throws Exception {
        java.nio.file.Path shots = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "signout-shots");
        java.nio.file.Files.createDirectories(shots);
        InMemoryReviewDesk desk = InMemoryReviewDesk.sample();
        desk.checkerProof = SecretKind.PIN;
        desk.approvals.add(new io.gatehouse.data.review.PendingApproval("apr_17", "decision", "case_1002",
                "Reverse the automated decline of case_1002 (890.00 EUR)", "{}", "alice",
                io.gatehouse.views.testing.TestConsole.NOW.minusSeconds(600),
                io.gatehouse.data.review.ApprovalStatus.PENDING, null, null, null));
        for (boolean dark : new boolean[] {false, true}) {
            javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
            interact(() -> {
                io.gatehouse.views.common.Themes.apply(dark ? io.gatehouse.data.settings.ThemeChoice.DARK
                        : io.gatehouse.data.settings.ThemeChoice.LIGHT);
                CheckerInboxViewModel model = new CheckerInboxViewModel(desk, new SameThreadTaskExecutor(), e -> { });
                CheckerInboxPane pane = new CheckerInboxPane(model, new I18n(Language.ENGLISH),
                        new TimeFormat(Locale.ENGLISH, TimeDisplay.UTC, ZoneId.of("UTC")));
                javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(pane.root);
                root.setPadding(new javafx.geometry.Insets(12));
                if (dark) {
                    root.getStyleClass().add("theme-dark");
                }
                javafx.scene.Scene scene = new javafx.scene.Scene(root, 900, 560);
                scene.getStylesheets().add(getClass().getResource("/io/gatehouse/views/gatehouse.css").toExternalForm());
                javafx.stage.Stage stage = new javafx.stage.Stage();
                stage.setScene(scene);
                stage.show();
                model.refresh();
                model.reasonMissingProperty().set(true);
                image[0] = scene.snapshot(null);
                stage.hide();
            });
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png",
                    shots.resolve("checker-inbox-pin-" + (dark ? "dark" : "light") + ".png").toFile());
        }
        interact(() -> io.gatehouse.views.common.Themes.apply(io.gatehouse.data.settings.ThemeChoice.LIGHT));
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }
}
