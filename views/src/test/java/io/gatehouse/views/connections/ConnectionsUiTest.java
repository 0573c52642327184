package io.gatehouse.views.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.connections.CheckOutcome;
import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.views.shell.Area;
import io.gatehouse.views.shell.ConsoleShell;
import io.gatehouse.views.shell.ShellWindow;
import io.gatehouse.views.testing.InMemoryConnections;
import io.gatehouse.views.testing.TestConsole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Connections area headless: the transport badges of an insecure loopback connection, a pinned
 * TLS one and an mTLS one; a failed test's sentence; the step-up before a rotation and the masked
 * rotate dialog. Writes PNGs in both themes to {@code /tmp/conns-shots} (or {@code -Dgatehouse.shots=DIR}).
 */
class ConnectionsUiTest extends FxRobot {
    private static final Path SHOTS = Path.of(System.getProperty("gatehouse.shots", "/tmp/conns-shots"));

    @TempDir
    Path dir;

    private TestConsole console;
    private ShellWindow window;
    private final InMemoryConnections port = new InMemoryConnections();
    private final AtomicInteger stepUps = new AtomicInteger();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void close() {
        if (window != null && window.stage().isShowing()) {
            interact(() -> window.stage().hide());
        }
        console.close();
    }

    private void open(String language) {
        console = new TestConsole(dir);
        new SettingsStore(dir.resolve("config")).save(UserSettings.defaults().withLanguage(language));
        List<ShellWindow> holder = new ArrayList<>();
        interact(() -> {
            Stage stage = new Stage();
            stage.setWidth(1440);
            stage.setHeight(820);
            holder.add(ConsoleShell.open(console.context().withConnections(new ConnectionsAccess(port, () -> true,
                    passphrase -> true, () -> stepUps.incrementAndGet() > 0)), stage));
        });
        window = holder.getFirst();
        interact(() -> window.select(Area.CONNECTIONS));
        interact(() -> console.monitor.checkNow());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private TableView<ConnectionRow> table() {
        return lookup(".area-body .table-view").queryAs(TableView.class);
    }

    private void select(int row) {
        interact(() -> table().getSelectionModel().select(row));
    }

    private void press(KeyCode code, boolean shortcut) {
        interact(() -> {
            Scene scene = window.stage().getScene();
            Node target = scene.getFocusOwner() == null ? scene.getRoot() : scene.getFocusOwner();
            KeyEvent.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, shortcut, false, false));
        });
    }

    private boolean dark() {
        return window.stage().getScene().getRoot().getStyleClass().contains("theme-dark");
    }

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

    private DialogPane awaitDialog(String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#" + id).tryQuery().map(Node::isVisible).orElse(false));
        return lookup("#" + id).queryAs(DialogPane.class);
    }

    @Test
    void badgesSayHowEachConnectionIsProtected() throws Exception {
        open("en");
        List<Label> badges = new ArrayList<>(lookup(".transport-badge").queryAllAs(Label.class));
        assertThat(badges).extracting(Label::getText).containsExactly("Insecure (loopback)",
                "TLS + pinned key", "mTLS (token)");
        Label insecure = badges.getFirst();
        assertThat(insecure.getStyleClass()).contains("transport-insecure");
        assertThat(insecure.getGraphic()).isInstanceOf(FontIcon.class);
        assertThat(badges.get(1).getStyleClass()).contains("transport-strong");
        assertThat(lookup("System + bundle\ncases-ca.pem").tryQuery()).isPresent();
        assertThat(lookup("case-api-key\nstored").tryQuery()).isPresent();
        assertThat(lookup("stripe-key\nmissing").tryQuery()).isPresent();
        assertThat(lookup("Idle").tryQuery()).isPresent();
        shotBothThemes("connections");
    }

    @Test
    void aFailedTestIsExplainedAndTheRotateDialogIsMaskedAfterAStepUp() throws Exception {
        open("en");
        select(1);
        port.nextOutcome = CheckOutcome.PIN_MISMATCH;
        clickOn("#testButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table().getSelectionModel().getSelectedItem().name()).as("kept after the rows are rebuilt")
                .isEqualTo("caseApi");
        Label notice = lookup(".connections-notice").queryAs(Label.class);
        assertThat(notice.getText()).startsWith("caseApi: the public key of cases.example.com does not match the pinned key");
        assertThat(notice.getStyleClass()).contains("health-down");
        shotBothThemes("connections-pin-mismatch");

        clickOn("#rotateButton");
        DialogPane dialog = awaitDialog("rotateSecretDialog");
        assertThat(stepUps).hasValue(1);
        PasswordField field = (PasswordField) dialog.lookup("#secretField");
        interact(() -> field.setText("sk_live_ROTATED_1234"));
        shot(dialog.getScene(), "rotate-dialog-light");
        assertThat(lookup(n -> n instanceof javafx.scene.text.Text t && t.getText() != null
                && t.getText().contains("ROTATED")).tryQuery()).as("the value is never drawn as text").isEmpty();
        interact(() -> ((Button) dialog.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(field.getText()).isEmpty();
        assertThat(new String(port.rotatedValues.get("case-api-key.copy"))).isEqualTo("sk_live_ROTATED_1234");
        assertThat(port.rotatedValues.get("case-api-key")).containsOnly('\0');
        assertThat(lookup(".connections-notice").queryAs(Label.class).getText())
                .isEqualTo("The secret 'case-api-key' is rotated; caseApi uses the new value from its next request.");

        press(KeyCode.T, true);
        select(2);
        assertThat(table().getSelectionModel().getSelectedItem().name()).isEqualTo("stripe");
        interact(() -> lookup("#rotateButton").queryAs(Button.class).fire());
        DialogPane darkDialog = awaitDialog("rotateSecretDialog");
        shot(darkDialog.getScene(), "rotate-dialog-dark");
        interact(() -> ((Button) darkDialog.lookupButton(ButtonType.CANCEL)).fire());
        press(KeyCode.T, true);
    }

    @Test
    void aRefusedEditShowsTheLoadersSentenceAndKeepsTheOldSettings() throws Exception {
        open("en");
        select(1);
        interact(() -> lookup("#editButton").queryAs(Button.class).fire());
        DialogPane dialog = awaitDialog("editConnectionDialog");
        assertThat(stepUps).hasValue(1);
        javafx.scene.control.TextField url = (javafx.scene.control.TextField) dialog.lookup("#urlField");
        assertThat(url.getText()).isEqualTo("https://cases.example.com/v1");
        interact(() -> url.setText("http://cases.example.com/v1"));
        shot(dialog.getScene(), "edit-dialog-light");
        port.refuseNextEdit = "/home/alice/.config/gatehouse/config.yaml:9:12: plain http is allowed only to this"
                + " machine (loopback); use https for cases.example.com";
        interact(() -> ((Button) dialog.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        Label notice = lookup(".connections-notice").queryAs(Label.class);
        assertThat(notice.getText()).isEqualTo("Not saved, the configuration file is unchanged: "
                + "/home/alice/.config/gatehouse/config.yaml:9:12: plain http is allowed only to this machine"
                + " (loopback); use https for cases.example.com");
        assertThat(port.edits).isEmpty();
        assertThat(table().getItems().get(1).entry().url()).hasToString("https://cases.example.com/v1");
        shotBothThemes("connections-edit-refused");

        press(KeyCode.T, true);
        interact(() -> lookup("#editButton").queryAs(Button.class).fire());
        DialogPane darkDialog = awaitDialog("editConnectionDialog");
        assertThat(darkDialog.lookupAll(".label")).map(n -> ((Label) n).getText())
                .contains("The configuration file is checked before it is replaced, and the change is audited."
                        + " Only the changed values are rewritten: comments and layout stay as they are.")
                .noneMatch(text -> text.contains("not kept"));
        shot(darkDialog.getScene(), "edit-dialog-dark");
        interact(() -> ((Button) darkDialog.lookupButton(ButtonType.CANCEL)).fire());
        press(KeyCode.T, true);
    }

    @Test
    void theGermanAreaSaysTheSameInGerman() throws Exception {
        open("de");
        assertThat(lookup(".transport-badge").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("Unsicher (Loopback)", "TLS + Pin", "mTLS (Token)");
        select(2);
        port.nextOutcome = CheckOutcome.CLIENT_CERTIFICATE_REQUIRED;
        clickOn("#testButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup(".connections-notice").queryAs(Label.class).getText())
                .startsWith("stripe: api.stripe.com verlangt ein Client-Zertifikat");
        shot(window.stage().getScene(), "connections-de-light");
    }
}
