package io.gatehouse.views.common;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
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
        FutureTask<Void>[] holder = new FutureTask[1];
        JobHandle handle = new JobHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                holder[0].cancel(true);
            }

            @Override
            public boolean cancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }
        };
        holder[0] = new FutureTask<>(() -> {
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
        });
        background.execute(holder[0]);
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
