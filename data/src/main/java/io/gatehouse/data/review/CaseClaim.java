package io.gatehouse.data.review;

import java.time.Instant;

/** A lease on a case, versioned by its ETag; release needs the current ETag. */
public record CaseClaim(String caseId, String holder, String etag, Instant claimedAt, Instant expiresAt) {
}
