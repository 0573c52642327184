package io.gatehouse.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.ProofKind;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.operator.presence.OperatorProof;
import io.gatehouse.data.operator.presence.PassphraseProof;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.session.SecretDialog;
import io.gatehouse.views.session.SecretRequest;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Signing out from the lock screen: the console leaves the window, the same window shows the sign-in step, and
 * the next operator's console opens in it again without restarting anything.
 */
class SignOutUiTest extends FxRobot {
    static final Path SHOTS = Path.of(System.getProperty("java.io.tmpdir"), "signout-shots");
    private static final String PIN = "4711";

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.at("2026-11-25T18:00:00Z");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<TestConsole> consoles = new ArrayList<>();
    private StartupWindow window;

    /** A card that accepts one PIN. */
    private static final OperatorProof CARD = io.gatehouse.views.testing.OnePinCard.accepting(PIN,
            "The PIN is wrong.");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (window != null && window.stage().isShowing()) {
            interact(() -> window.stage().hide());
        }
        consoles.forEach(TestConsole::close);
    }

    private SessionGuard signedIn(String id, String name, OperatorProof proof) {
        Operator operator = new Operator(id, name, Set.of(Role.LEAD, Role.KEY_CUSTODIAN));
        SessionGuard guard = new SessionGuard(new LocalOperatorSession(operator, clock, c -> false), proof,
                (action, subject, details) -> events.add(action + " " + subject), clock, Duration.ofMinutes(10),
                Duration.ofMinutes(5));
        if (proof.needsSecret()) {
            guard.signIn(PIN.toCharArray());
        } else {
            guard.signInUnproven();
        }
        return guard;
    }

    /** A console for one signed-in operator, with its own settings directory. */
    private ShellContext context(SessionGuard guard) {
        TestConsole console = new TestConsole(dir.resolve("run-" + consoles.size()));
        consoles.add(console);
        ShellContext c = console.context();
        // the window shows the guard's operator, as the console's runtime wires it
        return new ShellContext(guard.session(), c.auditReader(), c.healthMonitor(), c.sandboxActive(),
                c.sourceDescription(), c.configFile(), c.dataDirectory(), c.settingsStore(), c.background(), c.clock(),
                c.localZone(), c.reviewDesk(), c.telemetry(), c.maturity(), c.executive(), c.keyCustody(), c.incidents(),
                c.connections(), guard);
    }

    private CompletableFuture<StartupWindow.Ending> open(ShellContext context) throws Exception {
        CompletableFuture<StartupWindow.Ending> ending = CompletableFuture.supplyAsync(() -> window.openConsole(context, null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.stage().getScene().lookup("#lockScreen") != null
                || window.stage().getTitle().contains(context.session().operator().displayName()));
        return ending;
    }

    private void lockAndSignOut() {
        interact(() -> window.stage().getScene().getRoot().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                KeyCode.L, false, true, false, false)));
        assertThat(window.stage().getScene().lookup("#lockScreen")).isNotNull();
        clickOn("#signOutButton");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void signingOutShowsTheSignInStepInTheSameWindowAndTheNextOperatorSignsInThere() throws Exception {
        window = StartupWindow.show();
        SessionGuard dana = signedIn("dana", "Dana Lead", CARD);
        CompletableFuture<StartupWindow.Ending> first = open(context(dana));

        lockAndSignOut();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(StartupWindow.Ending.SIGNED_OUT);
        assertThat(window.stage().isShowing()).as("the window stays open").isTrue();
        assertThat(dana.signedIn()).isFalse();
        assertThat(window.stage().getTitle()).isEqualTo("Gatehouse: signed out");
        assertThat(lookup("#signedOutOperator").queryLabeled().getText()).isEqualTo("Dana Lead signed out.");
        assertThat(lookup("#signInHint").queryLabeled().getText()).contains("smartcard").contains("PIN");
        assertThat(window.stage().getScene().lookup("#signInWeaker")).isNull();
        assertThat(window.stage().getScene().lookup("#menuBar")).as("nothing of the console is left").isNull();
        assertThat(texts(window.stage().getScene().getRoot())).noneMatch(t -> t.contains("Dana Lead") && !t.contains("signed out"));

        CompletableFuture<Boolean> signIn = CompletableFuture.supplyAsync(window::awaitSignIn);
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertThat(signIn).as("waits for the operator").isNotDone();
        clickOn("#signInButton");
        assertThat(signIn.get(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(window.stage().getScene().getRoot())).contains("Opening the local store and the connections\u2026");

        SessionGuard erin = signedIn("erin", "Erin Custodian", CARD);
        CompletableFuture<StartupWindow.Ending> second = open(context(erin));
        assertThat(window.stage().getTitle()).contains("Erin Custodian").doesNotContain("Dana Lead");
        assertThat(second).isNotDone();
        interact(() -> window.stage().hide());
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(StartupWindow.Ending.CLOSED);
        assertThat(events).containsSubsequence("operator.signin operator/dana", "operator.signout operator/dana",
                "operator.signin operator/erin");
    }

    @Test
    void anEarlyChoiceIsKeptACancelledSignInShowsTheStepAgainAndClosingTheWindowEndsTheWait() throws Exception {
        window = StartupWindow.show();
        CompletableFuture<StartupWindow.Ending> first = open(context(signedIn("dana", "Dana Lead",
                new PassphraseProof(() -> false))));
        lockAndSignOut();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(StartupWindow.Ending.SIGNED_OUT);
        assertThat(lookup("#signInHint").queryLabeled().getText()).contains("asks for nothing");
        assertThat(lookup("#signInWeaker").queryLabeled().getText()).contains("weaker than a smartcard");

        // chosen while the last runtime still closes, before anyone waits for the choice: it is kept
        clickOn("#signInButton");
        assertThat(CompletableFuture.supplyAsync(window::awaitSignIn).get(10, TimeUnit.SECONDS)).isTrue();
        // the sign-in was cancelled: the caller asks again, and the step is back
        CompletableFuture<Boolean> again = CompletableFuture.supplyAsync(window::awaitSignIn);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.stage().getScene().lookup("#signInButton") != null
                && !window.stage().getScene().lookup("#signInButton").isDisabled());
        clickOn("#quitButton");
        assertThat(again.get(10, TimeUnit.SECONDS)).as("the window was closed").isFalse();
        assertThat(window.stage().isShowing()).isFalse();
        assertThat(window.awaitSignIn()).isFalse();
    }

    @Test
    void screenshotsOfTheSignInStepAfterSignOutInBothThemes() throws Exception {
        Files.createDirectories(SHOTS);
        for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
            String name = theme.name().toLowerCase(Locale.ROOT);
            window = StartupWindow.show();
            ShellContext context = context(signedIn("dana", "Dana Lead", CARD));
            new SettingsStore(consoles.getLast().dir.resolve("config")).save(UserSettings.defaults().withTheme(theme));
            CompletableFuture<StartupWindow.Ending> first = open(context);
            lockAndSignOut();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(StartupWindow.Ending.SIGNED_OUT);
            boolean dark = theme == ThemeChoice.DARK;
            assertThat(window.stage().getScene().getRoot().getStyleClass().contains("theme-dark")).isEqualTo(dark);
            shoot(window.stage().getScene(), "signed-out-" + name + ".png");

            // the PIN dialog the next sign-in shows over the same window
            List<Dialog<?>> shown = new ArrayList<>();
            interact(() -> shown.add(SecretDialog.show(window.owner(), new I18n(Language.ENGLISH),
                    new SecretRequest(SecretRequest.Purpose.SIGN_IN, SecretRequest.SecretKind.PIN, "Dana Lead", "dana-piv",
                            false), null, dark, secret -> { })));
            WaitForAsyncUtils.waitForFxEvents();
            shoot(shown.getFirst().getDialogPane().getScene(), "sign-in-pin-" + name + ".png");
            interact(() -> shown.getFirst().close());
            interact(() -> window.stage().hide());
        }
        assertThat(Files.list(SHOTS).count()).isGreaterThanOrEqualTo(4);
    }

    private void shoot(Scene scene, String name) throws Exception {
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        interact(() -> image[0] = scene.snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png",
                SHOTS.resolve(name).toFile());
    }

    private static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> out.addAll(texts(child)));
        }
        return out;
    }
}
