package io.gatehouse.views.session;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.views.common.I18n;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Window;

/**
 * Asks for a secret from a thread that is not the JavaFX thread (the console's start, a token operation) and
 * tries it there: a refused secret shows the dialog again with the reason, a cancel ends with nothing. The
 * typed array is wiped after each attempt, whatever the attempt did with it.
 */
public final class SecretPrompts {
    private final Supplier<I18n> i18n;
    private final Supplier<Window> owner;
    private final boolean dark;

    public SecretPrompts(Supplier<I18n> i18n, Supplier<Window> owner, boolean dark) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.dark = dark;
    }

    /**
     * Asks until {@code attempt} accepts a secret, and returns its result; empty when the operator cancels.
     * {@code attempt} throws a {@link GatehouseException} whose one-sentence message is shown for a retry.
     */
    public <T> Optional<T> askUntilAccepted(SecretRequest request, Function<char[], T> attempt) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("a secret is asked from the thread that needs it, never the JavaFX thread");
        }
        String problem = null;
        while (true) {
            char[] secret = ask(request, problem);
            if (secret == null) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(attempt.apply(secret));
            } catch (GatehouseException e) {
                problem = e.getMessage();
            } finally {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private char[] ask(SecretRequest request, String problem) {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                SecretDialog.show(owner.get(), i18n.get(), request, problem, dark, answer::complete);
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the secret dialog failed", e.getCause());
        }
    }
}
