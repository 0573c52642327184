package io.gatehouse.views.dashboard;

import java.util.Objects;

/** One part of a region's KPI split by a label: a decline reason's rate, or a rail's checkouts/min. */
public record Breakdown(String name, double value) {
    public Breakdown {
        Objects.requireNonNull(name, "name");
    }
}
