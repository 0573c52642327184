package io.gatehouse.data.audit;

/** Receives progress while the chain is verified, and can ask to stop. */
public interface VerifyProgress {
    void checked(long done, long total);

    default boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }

    VerifyProgress NONE = (done, total) -> { };
}
