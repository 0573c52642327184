package io.gatehouse.views.review;

import java.time.Instant;

/** What the desk knows about the lease on the case in front of the analyst. */
public record ClaimState(String caseId, Kind kind, String holder, Instant expiresAt, String problem) {
    /** Whose lease it is, or why there is none. */
    public enum Kind {
        /** No lease asked for yet. */
        NONE,
        /** Being taken or renewed. */
        CLAIMING,
        /** This analyst holds it. */
        MINE,
        /** Another analyst holds a live lease. */
        OTHER,
        /** Released after the analyst was idle; pressing C takes it again. */
        LAPSED,
        /** The upstream could not be asked; the problem says why. */
        FAILED
    }

    static ClaimState none() {
        return new ClaimState(null, Kind.NONE, null, null, null);
    }
}
