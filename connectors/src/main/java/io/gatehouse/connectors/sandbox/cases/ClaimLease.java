package io.gatehouse.connectors.sandbox.cases;

import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Claim rules: one live lease per case, renewable by its holder, released only with the current ETag. */
public final class ClaimLease {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final Duration MAX_TTL = Duration.ofHours(8);

    private long nextVersion = 1;

    /** Takes or renews the lease; a live lease held by someone else is a 409 naming the holder. */
    public Claim claim(SandboxCase c, String analyst, Duration ttl, Instant now) {
        Claim live = c.liveClaim(now);
        if (live != null && !live.holder().equals(analyst)) {
            throw held(live);
        }
        Duration bounded = ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
        Instant claimedAt = live == null ? now : live.claimedAt();
        Claim claim = new Claim(c.id(), analyst, "\"claim-" + nextVersion++ + "\"", claimedAt, now.plus(bounded));
        c.setClaim(claim, now);
        return claim;
    }

    /** Gives the lease back; the ETag proves the caller saw the current lease, not an older one. */
    public void release(SandboxCase c, String ifMatch, Instant now) {
        Claim live = c.liveClaim(now);
        if (live == null) {
            throw new ApiProblem(409, "claim-not-held", "The case is not claimed",
                    "there is no live claim on " + c.id());
        }
        if (ifMatch == null || !ifMatch.equals(live.etag())) {
            throw new ApiProblem(412, "claim-etag-mismatch", "The claim has changed",
                    "If-Match must carry the current claim ETag " + live.etag());
        }
        c.setClaim(null, now);
    }

    /** Deciding needs no claim, but a case claimed by someone else may only be decided by its holder. */
    public void requireNotHeldByOther(SandboxCase c, String analyst, Instant now) {
        Claim live = c.liveClaim(now);
        if (live != null && !live.holder().equals(analyst)) {
            throw held(live);
        }
    }

    private static ApiProblem held(Claim live) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("holder", live.holder());
        ext.put("expires_at", live.expiresAt().toString());
        return new ApiProblem(409, "case-claimed", "The case is claimed by another analyst",
                live.holder() + " holds the case until " + live.expiresAt(), ext);
    }
}
