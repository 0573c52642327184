package io.gatehouse.data.keys;

import java.util.Optional;

/**
 * What a finished rotation did.
 *
 * @param active the new primary version
 * @param retiring the version it replaced, now verify-only; empty for a ring's first version
 * @param resumedFrom the step an interrupted rotation was resumed from; empty for a fresh rotation
 */
public record RotationOutcome(KeyVersion active, Optional<KeyVersion> retiring, Optional<RotationStep> resumedFrom) {
}
