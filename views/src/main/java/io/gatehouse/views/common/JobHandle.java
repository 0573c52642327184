package io.gatehouse.views.common;

/** A running background job, which can be asked to stop. */
public interface JobHandle {
    void cancel();

    boolean cancelled();
}
