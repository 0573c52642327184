package io.gatehouse.views.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.keys.token.TokenFlag;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The PIN asked from the background thread that needs it: the worker waits while the dialog is answered. */
class FxPinSourceUiTest extends FxRobot {
    private static final TokenInfo TOKEN = new TokenInfo("checkout-keys", "SoftHSM project", "SoftHSM v2", "1",
            Set.of(TokenFlag.INITIALIZED, TokenFlag.LOGIN_REQUIRED), List.of());

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final FxPinSource pins = new FxPinSource(() -> new I18n(Language.fromTag("en")), () -> null);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private DialogPane dialog() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#pinDialog").tryQuery().map(Node::isVisible).orElse(false));
        return lookup("#pinDialog").queryAs(DialogPane.class);
    }

    private boolean dialogGone() {
        return lookup("#pinDialog").tryQuery().map(n -> !n.isVisible() || n.getScene().getWindow() == null
                || !n.getScene().getWindow().isShowing()).orElse(true);
    }

    @Test
    void theWorkerWaitsForThePinAndGetsItAsAFreshArray() throws Exception {
        Future<char[]> asked = worker.submit(() -> pins.pinFor(TOKEN));
        DialogPane pane = dialog();
        assertThat(asked.isDone()).as("the worker waits while the dialog is open").isFalse();
        assertThat(pane.getHeaderText()).contains("checkout-keys");
        assertThat(pane.lookupButton(ButtonType.OK).isDisabled()).as("an empty PIN cannot be sent").isTrue();
        PasswordField field = (PasswordField) pane.lookup("#pinField");
        interact(() -> {
            field.setText("1234");
            ((Button) pane.lookupButton(ButtonType.OK)).fire();
        });
        assertThat(asked.get(10, TimeUnit.SECONDS)).containsExactly('1', '2', '3', '4');
        assertThat(field.getText()).as("the field keeps nothing").isEmpty();
    }

    @Test
    void cancellingTheDialogIsAClearCancellationNotAFailure() throws Exception {
        Future<char[]> asked = worker.submit(() -> pins.pinFor(TOKEN));
        DialogPane pane = dialog();
        interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
        try {
            asked.get(10, TimeUnit.SECONDS);
            throw new AssertionError("a cancelled PIN must not return");
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(PinCancelledException.class)
                    .hasMessageContaining("was not entered, so nothing was done");
        }
    }

    @Test
    void aRejectedPinIsSaidInTheNextDialog() throws Exception {
        pins.rejected("The PIN for token 'checkout-keys' is wrong. Check it and try again.");
        Future<char[]> asked = worker.submit(() -> pins.pinFor(TOKEN));
        DialogPane pane = dialog();
        assertThat(((Labeled) pane.lookup("#pinProblem")).getText()).contains("is wrong");
        interact(() -> {
            ((PasswordField) pane.lookup("#pinField")).setText("2468");
            ((Button) pane.lookupButton(ButtonType.OK)).fire();
        });
        assertThat(asked.get(10, TimeUnit.SECONDS)).containsExactly('2', '4', '6', '8');

        Future<char[]> again = worker.submit(() -> pins.pinFor(TOKEN));
        DialogPane next = dialog();
        assertThat(next.lookup("#pinProblem")).as("the note is shown once").isNull();
        interact(() -> ((Button) next.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, again::isDone);
    }

    @Test
    void aWorkerThatIsStoppedClosesItsDialogAndTheFxThreadIsNeverMadeToWait() throws Exception {
        Future<char[]> asked = worker.submit(() -> pins.pinFor(TOKEN));
        dialog();
        asked.cancel(true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, this::dialogGone);

        CompletableFuture<Throwable> onFx = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                pins.pinFor(TOKEN);
                onFx.complete(null);
            } catch (RuntimeException e) {
                onFx.complete(e);
            }
        });
        assertThat(onFx.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("background thread");
    }
}
