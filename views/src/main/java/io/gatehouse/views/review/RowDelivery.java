package io.gatehouse.views.review;

import io.gatehouse.data.review.DeliveryState;

/** What the queue shows about this console's latest decision on a case. */
public enum RowDelivery {
    NONE, PENDING, SENT, CONFIRMED, CONFLICT, FAILED, AWAITING_SECOND_PERSON;

    static RowDelivery of(DeliveryState state) {
        return state == null ? NONE : switch (state) {
            case PENDING -> PENDING;
            case SENT -> SENT;
            case CONFIRMED -> CONFIRMED;
            case CONFLICT -> CONFLICT;
            case FAILED -> FAILED;
        };
    }
}
