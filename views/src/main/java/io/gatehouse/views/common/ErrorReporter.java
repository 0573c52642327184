package io.gatehouse.views.common;

import io.gatehouse.data.GatehouseException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one error path of the console. It logs each failure once, turns it into a message in the
 * operator's language, and shows it through the {@link DialogService} on the UI thread.
 */
public final class ErrorReporter {
    private static final System.Logger LOG = System.getLogger(ErrorReporter.class.getName());

    private final DialogService dialogs;
    private final Supplier<I18n> i18n;
    private final Consumer<Runnable> ui;
    private final Set<Throwable> seen = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * @param ui runs a task on the UI thread, for example {@code Platform::runLater}
     */
    public ErrorReporter(DialogService dialogs, Supplier<I18n> i18n, Consumer<Runnable> ui) {
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Catches what nobody else caught, on every thread including the JavaFX one. */
    public void installAsUncaughtHandler() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> report(failure));
    }

    /** Logs and shows a failure; a cancellation is not a failure and is ignored. */
    public void report(Throwable failure) {
        Throwable root = unwrap(failure);
        if (root instanceof CancellationException || !seen.add(root)) {
            return;
        }
        LOG.log(Level.ERROR, root.getMessage() == null ? root.getClass().getName() : root.getMessage(), root);
        UserMessage message = describe(root);
        ui.accept(() -> dialogs.notify(message));
    }

    /** The operator-facing message for a failure, in the current language. */
    public UserMessage describe(Throwable failure) {
        Throwable root = unwrap(failure);
        I18n text = i18n.get();
        String detail = technicalDetail(root);
        if (root instanceof GatehouseException known) {
            return switch (known.kind()) {
                case CONFIGURATION -> new UserMessage(Severity.ERROR, text.get("error.configuration.title"),
                        text.get("error.configuration.what"), text.get("error.configuration.remedy"), detail);
                case UPSTREAM -> new UserMessage(Severity.WARNING, text.get("error.upstream.title"),
                        text.get("error.upstream.what"), text.get("error.upstream.remedy"), detail);
                case PERMISSION -> new UserMessage(Severity.WARNING, text.get("error.permission.title"),
                        text.get("error.permission.what"), text.get("error.permission.remedy"), detail);
                case LOCAL_STORE -> new UserMessage(Severity.ERROR, text.get("error.localStore.title"),
                        text.get("error.localStore.what"), text.get("error.localStore.remedy"), detail);
                case CHECK_FAILED -> new UserMessage(Severity.ERROR, text.get("error.checkFailed.title"),
                        text.get("error.checkFailed.what"), text.get("error.checkFailed.remedy"), detail);
            };
        }
        return new UserMessage(Severity.ERROR, text.get("error.unexpected.title"),
                text.get("error.unexpected.what"), text.get("error.unexpected.remedy"), detail);
    }

    /** Finds the failure that matters inside wrappers such as CompletionException. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (current instanceof GatehouseException || current instanceof CancellationException) {
                return current;
            }
            current = current.getCause();
        }
        Throwable outer = failure;
        while ((outer instanceof java.util.concurrent.CompletionException
                || outer instanceof java.util.concurrent.ExecutionException
                || outer instanceof java.lang.reflect.InvocationTargetException)
                && outer.getCause() != null) {
            outer = outer.getCause();
        }
        return outer;
    }

    private static String technicalDetail(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

}
