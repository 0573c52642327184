package io.gatehouse.views.common;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/** Runs jobs on an injected executor and hands results to the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor {
    private final Executor background;

    public FxTaskExecutor(Executor background) {
        this.background = Objects.requireNonNull(background, "background");
    }

    @Override
    public <T> JobHandle run(BackgroundJob<T> job, Consumer<? super T> onDone, Consumer<Throwable> onFailed) {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<FutureTask<Void>> task = new AtomicReference<>();
        JobHandle handle = new JobHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                task.get().cancel(true);
            }

            @Override
            public boolean cancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        };
        task.set(new FutureTask<>(() -> {
            try {
                T result = job.run(handle);
                if (cancelled.get()) {
                    onUi(() -> onFailed.accept(new CancellationException()));
                } else {
                    onUi(() -> onDone.accept(result));
                }
            } catch (Throwable failure) {
                onUi(() -> onFailed.accept(failure));
            }
            return null;
        }));
        background.execute(task.get());
        return handle;
    }

    @Override
    public void onUi(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }
}
