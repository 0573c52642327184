package io.gatehouse.data.maturity;

import java.time.LocalDate;

/** One dimension's maturity in one assessment, for the timeline. */
public record TimelinePoint(String assessmentId, String name, LocalDate date, Dimension dimension, double value, int target) {
}
