package io.gatehouse.data.review.mirror;

/** What one sync pass did: events read, cases written and removed, and whether it listed everything again. */
public record SyncPass(int events, int casesWritten, int casesRemoved, boolean relisted, long cursor) {
}
