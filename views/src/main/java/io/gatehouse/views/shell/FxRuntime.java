package io.gatehouse.views.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once and runs work on its thread, for callers outside it. */
public final class FxRuntime {
    private FxRuntime() {
    }

    /**
     * Starts the toolkit unless it runs already; windows closing never ends it on their own.
     * Synchronized: the starting window and a sign-in dialog may ask at the same time from two
     * threads, and the second must not go on before the first start has finished.
     */
    public static synchronized void startIfNeeded() {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
            awaitUninterruptibly(started);
        } catch (IllegalStateException alreadyRunning) {
            // started before, by an earlier call or by a test harness
        }
        Platform.setImplicitExit(false);
    }

    /** Runs the work on the JavaFX thread and waits for its result. */
    public static <T> T call(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the JavaFX thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
