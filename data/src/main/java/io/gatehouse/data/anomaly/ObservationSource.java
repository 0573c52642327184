package io.gatehouse.data.anomaly;

import java.time.Instant;
import java.util.List;

/**
 * Where the detector's observations come from: one per region and signal, over a window ending
 * at {@code at}. Calls may block on I/O; callers run them off the FX thread.
 */
@FunctionalInterface
public interface ObservationSource {
    List<Observation> observe(Instant at);
}
