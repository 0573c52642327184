package io.gatehouse.views.common;

import java.util.function.Consumer;

/**
 * Runs background work for view models and brings results back to the UI thread. The JavaFX
 * implementation is {@link FxTaskExecutor}; tests use one that runs everything on the calling thread.
 */
public interface TaskExecutor {
    /** Runs the job in the background; exactly one of the callbacks runs later on the UI thread. */
    <T> JobHandle run(BackgroundJob<T> job, Consumer<? super T> onDone, Consumer<Throwable> onFailed);

    /** Runs a property update on the UI thread. */
    void onUi(Runnable update);
}
