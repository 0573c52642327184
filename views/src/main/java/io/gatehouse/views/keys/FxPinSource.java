package io.gatehouse.views.keys;

import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.views.common.I18n;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Asks for a token PIN from the background thread that needs it: the thread waits while a dialog
 * is shown on the JavaFX thread, and gets a fresh array it must wipe. Nothing here keeps the PIN.
 * Closing the dialog, or cancelling the waiting job, ends in {@link PinCancelledException}.
 */
public final class FxPinSource implements PinPrompt {
    private final Supplier<I18n> i18n;
    private final Supplier<Window> owner;
    private volatile String problem;

    public FxPinSource(Supplier<I18n> i18n, Supplier<Window> owner) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    @Override
    public char[] pinFor(TokenInfo token) {
        if (Platform.isFxApplicationThread()) {
            // waiting here would freeze the window that has to show the dialog
            throw new IllegalStateException("the PIN is asked from the background thread that needs it");
        }
        String note = problem;
        problem = null;
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                PinDialog.show(owner.get(), i18n.get(), token, note, answer);
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            char[] pin = answer.get();
            if (pin == null) {
                throw new PinCancelledException(token.label());
            }
            return pin;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new PinCancelledException(token.label());
        } catch (ExecutionException e) {
            throw new IllegalStateException("the PIN dialog failed", e.getCause());
        }
    }

    @Override
    public void rejected(String sentence) {
        problem = sentence;
    }
}
