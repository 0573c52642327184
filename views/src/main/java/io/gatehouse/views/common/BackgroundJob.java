package io.gatehouse.views.common;

/** Work that runs off the UI thread; it may check {@link JobHandle#cancelled()} to stop early. */
@FunctionalInterface
public interface BackgroundJob<T> {
    T run(JobHandle handle) throws Exception;
}
