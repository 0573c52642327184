package io.gatehouse.data.evidence;

import java.time.Instant;
import java.util.Optional;

/**
 * One automatic check on data the console already holds. It returns nothing when it has no data to
 * judge (no keys yet, no telemetry configured): an unknown is never reported as a failure or a pass.
 */
public interface EvidenceProvider {
    /** The id criteria and checklist items name to use this check. */
    String check();

    /** Measures now; may block on the store or a telemetry source, so callers run it in the background. */
    Optional<Measurement> measure(Instant now);
}
