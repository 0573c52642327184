package io.gatehouse.connectors.sandbox.cases;

import java.time.Instant;

/** A lease on a case held by one analyst until it expires, versioned by its ETag. */
public record Claim(String caseId, String holder, String etag, Instant claimedAt, Instant expiresAt) {

    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
