package io.gatehouse.views.review;

/** The queue's delivery filter, on this console's latest decision per case. */
public enum DeliveryChoice {
    ANY, UNDECIDED, IN_FLIGHT, CONFIRMED, PROBLEM;

    boolean accepts(RowDelivery delivery) {
        return switch (this) {
            case ANY -> true;
            case UNDECIDED -> delivery == RowDelivery.NONE;
            case IN_FLIGHT -> delivery == RowDelivery.PENDING || delivery == RowDelivery.SENT
                    || delivery == RowDelivery.AWAITING_SECOND_PERSON;
            case CONFIRMED -> delivery == RowDelivery.CONFIRMED;
            case PROBLEM -> delivery == RowDelivery.CONFLICT || delivery == RowDelivery.FAILED;
        };
    }
}
