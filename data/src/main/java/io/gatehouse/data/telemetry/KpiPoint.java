package io.gatehouse.data.telemetry;

import java.time.Instant;

/** A point of a series: a finite value at an instant. Missing data is a missing point, never a zero. */
public record KpiPoint(Instant at, double value) {
}
