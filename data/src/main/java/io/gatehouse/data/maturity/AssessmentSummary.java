package io.gatehouse.data.maturity;

import java.time.LocalDate;

/** An assessment as listed: enough to pick one without loading its answers. */
public record AssessmentSummary(String id, String name, LocalDate date) {
}
