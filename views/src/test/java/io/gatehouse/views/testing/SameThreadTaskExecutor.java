package io.gatehouse.views.testing;

import io.gatehouse.views.common.BackgroundJob;
import io.gatehouse.views.common.JobHandle;
import io.gatehouse.views.common.TaskExecutor;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/** Runs jobs and UI updates on the calling thread, so view models are tested without a toolkit. */
public final class SameThreadTaskExecutor implements TaskExecutor {
    /** The handle of the job running now, so a test can cancel from inside a progress callback. */
    public JobHandle current;

    @Override
    public <T> JobHandle run(BackgroundJob<T> job, Consumer<? super T> onDone, Consumer<Throwable> onFailed) {
        boolean[] cancelled = {false};
        JobHandle handle = new JobHandle() {
            @Override
            public void cancel() {
                cancelled[0] = true;
            }

            @Override
            public boolean cancelled() {
                return cancelled[0];
            }
        };
        current = handle;
        try {
            T result = job.run(handle);
            if (cancelled[0]) {
                onFailed.accept(new CancellationException());
            } else {
                onDone.accept(result);
            }
        } catch (Exception e) {
            onFailed.accept(e);
        }
        return handle;
    }

    @Override
    public void onUi(Runnable update) {
        update.run();
    }
}
