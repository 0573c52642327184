package io.gatehouse.views.dashboard;

import io.gatehouse.data.incidents.Alert;
import java.util.List;
import java.util.Objects;

/** A live anomaly of a region, with the runbook's steps for its type: what is going on and what to do. */
public record AttackIndicator(Alert alert, List<String> steps) {
    public AttackIndicator {
        Objects.requireNonNull(alert, "alert");
        steps = List.copyOf(steps);
    }
}
