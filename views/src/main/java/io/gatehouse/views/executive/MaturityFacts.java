package io.gatehouse.views.executive;

import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.TimelinePoint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The maturity assessment the slides report on, the one before it, and every dimension's history.
 *
 * @param current  the assessment shown (the latest, or the one asked for)
 * @param previous the assessment before it, for the radar's third series and the trend
 * @param timeline each dimension's maturity over all assessments, oldest first
 */
public record MaturityFacts(Assessment current, Optional<Assessment> previous, Map<Dimension, List<TimelinePoint>> timeline) {
    public MaturityFacts {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        timeline = Map.copyOf(timeline);
    }
}
