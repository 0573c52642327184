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
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.session.SecretPrompts;
import io.gatehouse.views.session.SecretRequest;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's lock screen, unlock and step-up, driven headless on a manual clock with a scripted card: the PIN
 * 4711 makes the card's proof pass, anything else is refused as a wrong PIN.
 */
class SessionLockUiTest extends FxRobot {
    static final Path SHOTS = Path.of(System.getProperty("java.io.tmpdir"), "session-shots");
    private static final String PIN = "4711";

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.at("2026-11-25T18:00:00Z");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private TestConsole console;
    private ShellWindow window;
    private SessionGuard guard;

    /** A card that accepts one PIN, recording the proof as the session's smartcard proof. */
    private static final OperatorProof CARD = io.gatehouse.views.testing.OnePinCard.accepting(PIN,
            "The PIN is wrong; the card allows 2 more tries.");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        console = new TestConsole(dir);
    }

    @AfterEach
    void close() throws Exception {
        if (window != null && window.stage().isShowing()) {
            interact(() -> window.stage().hide());
        }
        console.close();
    }

    private SessionGuard guard(OperatorProof proof) {
        Operator dana = new Operator("dana", "Dana Lead", Set.of(Role.LEAD, Role.KEY_CUSTODIAN));
        return new SessionGuard(new LocalOperatorSession(dana, clock, c -> false), proof,
                (action, subject, details) -> events.add(action + " " + details), clock, Duration.ofMinutes(10),
                Duration.ofMinutes(5));
    }

    private void openWith(SessionGuard g) {
        guard = g;
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> holder.add(ConsoleShell.open(console.context().withSessionGuard(g), new Stage())));
        WaitForAsyncUtils.waitForFxEvents();
        window = holder.getFirst();
    }

    private Node lockScreen() {
        return window.stage().getScene().lookup("#lockScreen");
    }

    @Test
    void idleLocksTheWindowHidesItsContentAndOnlyTheRightPinUnlocks() throws Exception {
        SessionGuard g = guard(CARD);
        g.signIn(PIN.toCharArray());
        openWith(g);
        assertThat(window.stage().getTitle()).doesNotContain("weaker");
        assertThat(lookup("#operatorLabel").queryAs(Label.class).getText()).doesNotContain("weaker");

        clock.advance(Duration.ofMinutes(9));
        interact(() -> window.session().checkIdle());
        assertThat(lockScreen()).isNull();
        interact(() -> window.stage().getScene().getRoot().fireEvent(keyPress(KeyCode.SHIFT)));
        clock.advance(Duration.ofMinutes(9));
        interact(() -> window.session().checkIdle());
        assertThat(lockScreen()).as("a key press 9 minutes ago keeps it open").isNull();
        clock.advance(Duration.ofMinutes(1));
        interact(() -> window.session().checkIdle());
        assertThat(lockScreen()).isNotNull();
        assertThat(lockScreen().isVisible()).isTrue();
        assertThat(window.stage().getScene().getRoot()).isInstanceOf(javafx.scene.layout.StackPane.class);
        javafx.scene.layout.StackPane root = (javafx.scene.layout.StackPane) window.stage().getScene().getRoot();
        assertThat(root.getChildren()).filteredOn(n -> n != lockScreen()).allMatch(n -> !n.isVisible());
        assertThat(events).anyMatch(e -> e.startsWith("operator.lock") && e.contains("reason=idle"));

        interact(() -> window.stage().getScene().getRoot().fireEvent(keyPress(KeyCode.DIGIT2, true)));
        assertThat(lockScreen()).as("shortcuts do not reach the content under the lock").isNotNull();

        clickOn("#unlockField").write("1234");
        clickOn("#unlockButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lockScreen()).isNotNull();
        assertThat(lookup("#unlockProblem").queryAs(Label.class).getText()).contains("The PIN is wrong");
        assertThat(lookup("#unlockField").queryAs(PasswordField.class).getText()).isEmpty();
        assertThat(events).anyMatch(e -> e.startsWith("operator.auth.failed") && e.contains("event=unlock"));

        clickOn("#unlockField").write(PIN);
        clickOn("#unlockButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lockScreen()).isNull();
        assertThat(root.getChildren()).allMatch(Node::isVisible);
        assertThat(events).anyMatch(e -> e.startsWith("operator.unlock"));
        assertThat(String.join("\n", events)).doesNotContain(PIN).doesNotContain("1234");
    }

    @Test
    void ctrlLLocksAtOnceAndSignOutClosesTheWindow() {
        SessionGuard g = guard(CARD);
        g.signIn(PIN.toCharArray());
        openWith(g);
        interact(() -> window.stage().getScene().getRoot().fireEvent(keyPress(KeyCode.L, true)));
        assertThat(lockScreen()).isNotNull();
        assertThat(events).anyMatch(e -> e.startsWith("operator.lock") && e.contains("reason=manual"));
        clickOn("#signOutButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().isShowing()).isFalse();
        assertThat(guard.signedIn()).isFalse();
        assertThat(events.getLast()).startsWith("operator.signout");
    }

    @Test
    void aSensitiveActionAsksForAFreshPinWhenTheLastProofIsOld() {
        SessionGuard g = guard(CARD);
        g.signIn(PIN.toCharArray());
        openWith(g);
        List<String> done = new ArrayList<>();
        interact(() -> window.session().before("key.rotate", () -> done.add("rotated")));
        assertThat(done).as("the sign-in is fresh enough").containsExactly("rotated");

        clock.advance(Duration.ofMinutes(6));
        interact(() -> window.session().before("key.rotate", () -> done.add("rotated again"),
                () -> done.add("cancelled")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#secretDialog").tryQuery()).isPresent();
        assertThat(texts(lookup("#secretDialog").query())).anyMatch(t -> t.contains("rotate a signing key"));
        clickOn("#secretField").write("0000");
        clickOn("#secretOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#secretProblem").queryAs(Label.class).getText()).contains("The PIN is wrong");
        assertThat(done).containsExactly("rotated");
        clickOn("#secretField").write(PIN);
        clickOn("#secretOk");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(done).containsExactly("rotated", "rotated again");
        assertThat(events).anyMatch(e -> e.startsWith("operator.stepup") && e.contains("action=key.rotate"));

        clock.advance(Duration.ofMinutes(6));
        interact(() -> window.session().before("audit.export", () -> done.add("exported"), () -> done.add("cancelled")));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn("#secretCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(done).containsExactly("rotated", "rotated again", "cancelled");
    }

    @Test
    void theLocalProfileIsMarkedWeakerInTheTitleAndOnTheLockScreen() throws Exception {
        SessionGuard g = guard(new PassphraseProof(() -> false));
        g.signInUnproven();
        openWith(g);
        assertThat(window.stage().getTitle()).contains("weaker");
        assertThat(lookup("#operatorLabel").queryAs(Label.class).getText()).contains("local sign-in (weaker)");
        shoot(window.stage().getScene(), "local-weaker-main-light.png");
        interact(() -> window.session().lockNow());
        assertThat(lookup("#lockWeaker").tryQuery()).isPresent();
        assertThat(lookup("#unlockField").query().isVisible()).isFalse();
        clickOn("#unlockButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lockScreen()).isNull();
        assertThat(events).anyMatch(e -> e.startsWith("operator.unlock") && e.contains("kind=local-weaker"));
    }

    @Test
    void thePassphrasePromptRetriesAfterAWrongPassphraseAndNeverLogsIt() throws Exception {
        String planted = "planted-secret-91c2";
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try {
            SecretPrompts prompts = new SecretPrompts(() -> new I18n(Language.ENGLISH), () -> null, false);
            List<String> tried = new CopyOnWriteArrayList<>();
            CompletableFuture<Optional<String>> result = CompletableFuture.supplyAsync(() -> prompts.askUntilAccepted(
                    new SecretRequest(SecretRequest.Purpose.SECRET_STORE, SecretRequest.SecretKind.PASSPHRASE, "Dana Lead",
                            "", false), secret -> {
                        tried.add(secret.length + " chars");
                        if (!Arrays.equals(secret, planted.toCharArray())) {
                            throw new GatehouseException(FailureKind.PERMISSION,
                                    "The passphrase does not open the secret store; check Caps Lock and try again.");
                        }
                        return "opened";
                    }));
            awaitShowing("#secretDialog");
            shoot(lookup("#secretDialog").queryAs(DialogPane.class).getScene(), "passphrase-prompt-light.png");
            write("#secretField", "wrong horse");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#secretProblem").tryQuery().isPresent());
            assertThat(lookup("#secretProblem").queryAs(Label.class).getText()).contains("does not open the secret store");
            write("#secretField", planted);
            assertThat(result.get(5, TimeUnit.SECONDS)).contains("opened");
            assertThat(tried).containsExactly("11 chars", planted.length() + " chars");

            CompletableFuture<Optional<String>> cancelled = CompletableFuture.supplyAsync(() -> prompts.askUntilAccepted(
                    new SecretRequest(SecretRequest.Purpose.SECRET_STORE, SecretRequest.SecretKind.PASSPHRASE, "Dana Lead",
                            "", false), secret -> "opened"));
            awaitShowing("#secretCancel");
            clickOn("#secretCancel");
            assertThat(cancelled.get(5, TimeUnit.SECONDS)).isEmpty();
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        assertThat(records).noneMatch(r -> String.valueOf(r.getMessage()).contains(planted)
                || (r.getThrown() != null && String.valueOf(r.getThrown().getMessage()).contains(planted)));
    }

    @Test
    void theSignInDialogSaysWhyEachTryFailedAndQuitEndsIt() throws Exception {
        SessionGuard g = guard(CARD);
        SecretPrompts prompts = new SecretPrompts(() -> new I18n(Language.ENGLISH), () -> null, false);
        List<String> outcomes = new CopyOnWriteArrayList<>();
        SecretRequest signIn = new SecretRequest(SecretRequest.Purpose.SIGN_IN, SecretRequest.SecretKind.PIN, "Dana Lead",
                "dana-piv", false);
        CompletableFuture<Optional<Boolean>> result = CompletableFuture.supplyAsync(() -> prompts.askUntilAccepted(signIn,
                pin -> {
                    if (Arrays.equals(pin, "9999".toCharArray())) {
                        Arrays.fill(pin, '\0');
                        throw io.gatehouse.data.keys.token.TokenException.pinLocked("dana-piv", null);
                    }
                    g.signIn(pin);
                    return true;
                }));
        awaitShowing("#secretDialog");
        assertThat(texts(lookup("#secretDialog").query())).anyMatch(t -> t.contains("Sign in as Dana Lead"))
                .anyMatch(t -> t.contains("dana-piv"));
        write("#secretField", "1111");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#secretProblem").tryQuery().isPresent());
        outcomes.add(lookup("#secretProblem").queryAs(Label.class).getText());
        write("#secretField", "9999");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#secretProblem").queryAs(Label.class).getText()
                .contains("locked"));
        outcomes.add(lookup("#secretProblem").queryAs(Label.class).getText());
        write("#secretField", PIN);
        assertThat(result.get(5, TimeUnit.SECONDS)).contains(true);
        assertThat(g.signedIn()).isTrue();
        assertThat(outcomes.get(0)).isEqualTo("The PIN is wrong; the card allows 2 more tries.");
        assertThat(outcomes.get(1)).contains("is locked after too many wrong tries");
        assertThat(events).anyMatch(e -> e.startsWith("operator.auth.failed") && e.contains("event=signin"))
                .anyMatch(e -> e.startsWith("operator.signin"));

        SessionGuard other = guard(CARD);
        CompletableFuture<Optional<Boolean>> quit = CompletableFuture.supplyAsync(() -> prompts.askUntilAccepted(signIn,
                pin -> {
                    other.signIn(pin);
                    return true;
                }));
        awaitShowing("#secretCancel");
        assertThat(lookup("#secretCancel").queryButton().getText()).isEqualTo("Quit");
        clickOn("#secretCancel");
        assertThat(quit.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(other.signedIn()).isFalse();
    }

    @Test
    void screenshotsOfTheSignInLockAndPassphrasePromptsInBothThemes() throws Exception {
        SessionGuard g = guard(CARD);
        g.signIn(PIN.toCharArray());
        openWith(g);
        for (ThemeChoice theme : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
            String name = theme.name().toLowerCase(java.util.Locale.ROOT);
            interact(() -> window.settings().themeProperty().set(theme));
            interact(() -> window.session().lockNow());
            shoot(window.stage().getScene(), "lock-screen-" + name + ".png");
            clickOn("#unlockField").write("0000");
            clickOn("#unlockButton");
            WaitForAsyncUtils.waitForFxEvents();
            shoot(window.stage().getScene(), "lock-screen-wrong-pin-" + name + ".png");
            clickOn("#unlockField").write(PIN);
            clickOn("#unlockButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(lockScreen()).isNull();

            for (SecretRequest request : List.of(
                    new SecretRequest(SecretRequest.Purpose.SIGN_IN, SecretRequest.SecretKind.PIN, "Dana Lead", "dana-piv", false),
                    new SecretRequest(SecretRequest.Purpose.SIGN_IN, SecretRequest.SecretKind.PASSPHRASE, "Dana Lead", "", true),
                    new SecretRequest(SecretRequest.Purpose.SECRET_STORE, SecretRequest.SecretKind.PASSPHRASE, "Dana Lead", "", false),
                    new SecretRequest(SecretRequest.Purpose.STEP_UP, SecretRequest.SecretKind.PIN, "Dana Lead",
                            "rotate a signing key", false))) {
                String file = (request.purpose() + "-" + request.kind()).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                List<javafx.scene.control.Dialog<?>> shown = new ArrayList<>();
                interact(() -> shown.add(io.gatehouse.views.session.SecretDialog.show(window.stage(),
                        new I18n(Language.ENGLISH), request, request.purpose() == SecretRequest.Purpose.SIGN_IN
                                && request.kind() == SecretRequest.SecretKind.PIN
                                ? "The PIN is wrong; the card allows 2 more tries." : null,
                        theme == ThemeChoice.DARK, secret -> { })));
                WaitForAsyncUtils.waitForFxEvents();
                shoot(shown.getFirst().getDialogPane().getScene(), file + "-" + name + ".png");
                interact(() -> shown.getFirst().close());
            }
        }
        assertThat(Files.list(SHOTS).count()).isGreaterThanOrEqualTo(12);
    }

    private void write(String field, String text) throws java.util.concurrent.TimeoutException {
        awaitShowing(field);
        clickOn(field).write(text);
        clickOn("#secretOk");
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until a node of {@code query} is on a window that is showing. A node can be found before its dialog is
     * on screen, or still be found on the one just closed; clicking or typing then goes nowhere.
     */
    private void awaitShowing(String query) throws java.util.concurrent.TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup(query).queryAll().stream().anyMatch(node ->
                node.isVisible() && node.getScene() != null && node.getScene().getWindow() != null
                        && node.getScene().getWindow().isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(Scene scene, String name) throws Exception {
        Files.createDirectories(SHOTS);
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        interact(() -> image[0] = scene.snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png",
                SHOTS.resolve(name).toFile());
    }

    private static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof DialogPane pane && pane.getHeaderText() != null) {
            out.add(pane.getHeaderText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> out.addAll(texts(child)));
        }
        return out;
    }

    private static javafx.scene.input.KeyEvent keyPress(KeyCode code) {
        return keyPress(code, false);
    }

    private static javafx.scene.input.KeyEvent keyPress(KeyCode code, boolean shortcut) {
        return new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, shortcut,
                false, false);
    }
}
