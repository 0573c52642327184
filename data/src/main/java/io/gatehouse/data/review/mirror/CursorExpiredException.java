package io.gatehouse.data.review.mirror;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.review.FraudQueueException;

/** The upstream no longer keeps events that far back; the mirror lists every case again. */
public final class CursorExpiredException extends FraudQueueException {
    public CursorExpiredException(String message) {
        super(FailureKind.UPSTREAM, "cursor-expired", 410, message);
    }
}
