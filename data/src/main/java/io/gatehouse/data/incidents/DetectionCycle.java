package io.gatehouse.data.incidents;

import io.gatehouse.data.anomaly.AnomalyDetector;
import io.gatehouse.data.anomaly.Detection;
import io.gatehouse.data.anomaly.ObservationSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One turn of detection: observe every regional series at an instant, judge the observations, and
 * fold what the detector concluded into the incident log. The caller owns the schedule; turns must
 * not overlap (the detector is single-threaded), which {@code synchronized} guarantees.
 */
public final class DetectionCycle {
    private final ObservationSource source;
    private final AnomalyDetector detector;
    private final IncidentLog log;

    public DetectionCycle(ObservationSource source, AnomalyDetector detector, IncidentLog log) {
        this.source = Objects.requireNonNull(source, "source");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** Runs one turn at {@code at}; returns the alerts it raised. */
    public synchronized List<Alert> runAt(Instant at) {
        List<Detection> detections = detector.observeAll(source.observe(at));
        return log.record(detections);
    }
}
