package io.gatehouse.views.review;

import io.gatehouse.data.review.ReviewCase;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One case in the queue and the delivery state of this console's latest decision on it. */
public final class QueueRow {
    private final ReviewCase reviewCase;
    private final ObjectProperty<RowDelivery> delivery;

    QueueRow(ReviewCase reviewCase, RowDelivery delivery) {
        this.reviewCase = Objects.requireNonNull(reviewCase, "reviewCase");
        this.delivery = new SimpleObjectProperty<>(this, "delivery", delivery);
    }

    public ReviewCase reviewCase() {
        return reviewCase;
    }

    public String id() {
        return reviewCase.id();
    }

    public ObjectProperty<RowDelivery> deliveryProperty() {
        return delivery;
    }
}
