package io.gatehouse.views.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.testing.TestOperators;
import io.gatehouse.views.shell.Area;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ShellContext;
import io.gatehouse.views.shell.ShellWindow;
import io.gatehouse.views.testing.FixedSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.settings.SettingsStore;
import java.time.ZoneId;
import io.gatehouse.views.testing.ServiceKeyCustody;
import io.gatehouse.views.testing.TestConsole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Key custody area headless, over the real key custody service with a token in memory: the
 * PIN asked from the worker, the inventory with findings, each wizard step as it runs, a failure
 * and its resume, and dual control. Writes PNGs of each screen in both themes to
 * {@code /tmp/keysui-shots} (or {@code -Dgatehouse.shots=DIR}).
 */
class KeyCustodyUiTest extends FxRobot {
    private static final Path SHOTS = Path.of(System.getProperty("gatehouse.shots", "/tmp/keysui-shots"));

    @TempDir
    Path dir;

    private TestConsole console;
    private ServiceKeyCustody port;
    private ShellWindow window;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void close() throws Exception {
        if (window != null && window.stage().isShowing()) {
            interact(() -> window.stage().hide());
        }
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        port.close();
        console.close();
    }

    private void open() {
        open("en");
    }

    private void open(String language) {
        console = new TestConsole(dir);
        new SettingsStore(dir.resolve("config")).save(io.gatehouse.data.settings.UserSettings.defaults()
                .withLanguage(language));
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> {
            Stage stage = new Stage();
            stage.setWidth(1280);
            stage.setHeight(800);
            // the area reads cryptoperiods on the same clock as the service that records the versions
            holder.add(ConsoleShell.open(new ShellContext(FixedSession.of("Dana Lead", Role.LEAD, Role.KEY_CUSTODIAN),
                    console.audit, console.monitor, true, "Embedded sandbox, seed 7", dir.resolve("gatehouse.yaml"),
                    dir.resolve("data"), new SettingsStore(dir.resolve("config")), background, port.clock,
                    ZoneId.of("Europe/Berlin"), console.reviewDesk, null).withKeyCustody(port), stage));
        });
        window = holder.getFirst();
        interact(() -> window.select(Area.KEY_CUSTODY));
    }

    private DialogPane awaitDialog(String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + id).tryQuery().map(Node::isVisible).orElse(false));
        return lookup("#" + id).queryAs(DialogPane.class);
    }

    private void enterPin(String pin) throws Exception {
        DialogPane pane = awaitDialog("pinDialog");
        interact(() -> {
            pane.lookup("#pinField").getClass();
            ((PasswordField) pane.lookup("#pinField")).setText(pin);
            ((Button) pane.lookupButton(ButtonType.OK)).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(KeyCode code, boolean shortcut) {
        interact(() -> {
            Scene scene = window.stage().getScene();
            Node target = scene.getFocusOwner() == null ? scene.getRoot() : scene.getFocusOwner();
            KeyEvent.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false));
        });
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void tab(int index) {
        interact(() -> lookup(".keys-area .tab-pane").queryAs(TabPane.class).getSelectionModel().select(index));
    }

    /** Shows the key rings tab with the checkout ring selected, as a custodian would click it. */
    @SuppressWarnings("unchecked")
    private void checkoutRing() {
        tab(2);
        interact(() -> {
            javafx.scene.control.ListView<io.gatehouse.data.keys.KeyRing> list =
                    lookup(".keys-area .list-view").queryAs(javafx.scene.control.ListView.class);
            list.getSelectionModel().select(list.getItems().stream()
                    .filter(r -> r.name().equals(ServiceKeyCustody.RING)).findFirst().orElseThrow());
        });
    }

    private boolean dark() {
        return window.stage().getScene().getRoot().getStyleClass().contains("theme-dark");
    }

    /** Writes the window in the light and the dark theme, leaving it light. */
    private void shotBothThemes(String name) throws Exception {
        for (int i = 0; i < 2; i++) {
            shot(window.stage().getScene(), name + (dark() ? "-dark" : "-light"));
            press(KeyCode.T, true);
        }
    }

    private void shot(Scene scene, String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        List<java.awt.image.BufferedImage> image = new ArrayList<>();
        interact(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            image.add(SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        });
        ImageIO.write(image.getFirst(), "png", SHOTS.resolve(name + ".png").toFile());
    }

    private String text(String id) {
        return lookup("#" + id).queryAs(Labeled.class).getText();
    }

    @Test
    void inventoryAfterAWrongPinThenEveryWizardStepAsItRuns() throws Exception {
        port = new ServiceKeyCustody(dir).withRings().withCarelessObjects();
        open();

        enterPin("0000");
        DialogPane again = awaitDialog("pinDialog");
        assertThat(((Labeled) again.lookup("#pinProblem")).getText()).contains("is wrong");
        shot(again.getScene(), "pin-dialog-light");
        enterPin("1234");
        waitUntil(() -> lookup(".keys-finding").tryQuery().isPresent());
        assertThat(port.pinsGiven).containsExactly("0000", "1234");
        assertThat(lookup(".keys-finding").queryAll()).hasSize(3);
        assertThat(lookup("#tokenCard").tryQuery()).isPresent();
        shotBothThemes("tokens");
        tab(1);
        shotBothThemes("inventory");
        checkoutRing();
        shotBothThemes("rings");

        port.holdSteps();
        press(KeyCode.R, true);
        enterPin("1234");
        String[] names = {"1-generate", "2-self-test", "3-publish", "4-check-served", "5-activate"};
        for (int i = 0; i < 5; i++) {
            RotationStep held = port.awaitStep();
            WizardStep running = WizardStep.after(held);
            waitUntil(() -> lookup("#step-" + running.name() + " .keys-step-state").queryAs(Labeled.class)
                    .getText().equals("Running\u2026"));
            shotBothThemes("wizard-" + names[i]);
            port.release();
        }
        waitUntil(() -> lookup("#wizardClose").queryAs(Button.class).isVisible());
        assertThat(text("wizardOutcome")).contains("Done", "version 2", "Version 1 is verify-only");
        shotBothThemes("wizard-6-done");
        assertThat(port.ring(ServiceKeyCustody.RING).active().orElseThrow().number()).isEqualTo(2);

        press(KeyCode.ESCAPE, false);
        waitUntil(() -> !lookup("#rotationWizard").queryAs(Node.class).getParent().isVisible());
    }

    @Test
    void aFailedStepSaysTheRingKeepsItsPrimaryAndResumeFinishesIt() throws Exception {
        port = new ServiceKeyCustody(dir).withRings();
        open();
        enterPin("1234");
        waitUntil(() -> lookup(".keys-section-title").tryQuery().isPresent());
        checkoutRing();
        port.registry.down(true);
        press(KeyCode.R, true);
        enterPin("1234");
        waitUntil(() -> lookup("#wizardResume").queryAs(Button.class).isVisible());
        assertThat(text("wizardOutcome")).contains("stopped at step publish", "Not rolled back", "Version 1 stays primary");
        assertThat(text("wizardDetail")).contains("cannot connect");
        shotBothThemes("wizard-failed-resumable");

        port.registry.down(false);
        interact(() -> lookup("#wizardResume").queryAs(Button.class).fire());
        enterPin("1234");
        waitUntil(() -> text("wizardOutcome").startsWith("Done"));
        assertThat(port.ring(ServiceKeyCustody.RING).active().orElseThrow().number()).isEqualTo(2);
    }

    @Test
    void dualControlRefusesTheSamePersonTwiceAndDestroysWithTwo() throws Exception {
        port = new ServiceKeyCustody(dir).withRings();
        port.advance(java.time.Duration.ofDays(100));
        open();
        enterPin("1234");
        waitUntil(() -> lookup(".keys-section-title").tryQuery().isPresent());
        checkoutRing();
        waitUntil(() -> lookup("#cryptoperiod").queryAs(Labeled.class).getText().startsWith("Alert"));
        shotBothThemes("rings-cryptoperiod-alert");
        press(KeyCode.R, true);
        enterPin("1234");
        waitUntil(() -> lookup("#wizardClose").queryAs(Button.class).isVisible());
        interact(() -> lookup("#wizardClose").queryAs(Button.class).fire());
        port.advance(java.time.Duration.ofHours(2));
        // retire v1 (the version table lists the newest first)
        interact(() -> {
            lookup("#versionTable").queryTableView().getSelectionModel().select(1);
            lookup("#retireButton").queryButton().fire();
        });
        enterPin("1234");
        port.advance(java.time.Duration.ofDays(31));
        press(KeyCode.F5, false);
        enterPin("1234");
        waitUntil(() -> lookup(".keys-area .button").queryAllAs(Button.class).stream()
                .anyMatch(b -> b.getText().startsWith("Destroy 1 due version") && !b.isDisabled()));
        shotBothThemes("rings-due");

        interact(() -> lookup(".keys-area .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith("Destroy 1")).findFirst().orElseThrow().fire());
        DialogPane dual = awaitDialog("dualControlDialog");
        @SuppressWarnings("unchecked")
        ComboBox<io.gatehouse.data.operator.Operator> second = (ComboBox<io.gatehouse.data.operator.Operator>) dual.lookup("#secondCustodian");
        interact(() -> {
            ((PasswordField) dual.lookup("#firstPassphrase")).setText(new String(TestOperators.PASSPHRASE));
            second.getSelectionModel().select(0);
            ((PasswordField) dual.lookup("#secondPassphrase")).setText(new String(TestOperators.PASSPHRASE));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dual.lookup("#samePerson").isVisible()).isTrue();
        assertThat(((Labeled) dual.lookup("#samePerson")).getText()).contains("two different custodians", "alice");
        assertThat(dual.lookup("#dualDestroy").isDisabled()).isTrue();
        shot(dual.getScene(), "dual-control-same-person-light");

        interact(() -> second.getSelectionModel().select(1));
        assertThat(dual.lookup("#dualDestroy").isDisabled()).isFalse();
        interact(() -> ((Button) dual.lookup("#dualDestroy")).fire());
        enterPin("1234");
        waitUntil(() -> lookup(".keys-area .label").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains("confirmed by alice and bob")));
        assertThat(port.ring(ServiceKeyCustody.RING).version(1).orElseThrow().state())
                .isEqualTo(io.gatehouse.data.keys.KeyVersionState.DESTROYED);
    }

    @Test
    void withoutAConfiguredTokenTheAreaSaysHowToConfigureOneAndATokenCanBePickedByLabel() throws Exception {
        port = new ServiceKeyCustody(dir).withRings().withoutConfiguredToken();
        open("de");
        waitUntil(() -> lookup("#noTokenCard").tryQuery().isPresent());
        assertThat(lookup("#noTokenCard .label").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .anySatisfy(t -> assertThat(t).contains("profiles.<name>.token"))
                .anySatisfy(t -> assertThat(t).contains("module:", "label:"));
        assertThat(lookup("#rotateButton").queryButton().isDisabled()).isTrue();
        assertThat(port.pinsGiven).as("no PIN is asked before a token is chosen").isEmpty();
        shotBothThemes("no-token-de");
        tab(1);
        shotBothThemes("inventory-no-token-de");

        interact(() -> lookup("#use-" + ServiceKeyCustody.TOKEN).queryButton().fire());
        enterPin("1234");
        waitUntil(() -> lookup("#tokenCard").tryQuery().isPresent());
        assertThat(lookup("#inventoryTable").queryTableView().getItems()).hasSize(4);
        shotBothThemes("inventory-de");
    }
}
