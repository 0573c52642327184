package io.gatehouse.data.keys;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a key version is in its life, as in cloud KMS key versions. Only the moves listed here are
 * legal; {@link KeyVersion#moveTo} also applies the time rules of the ring's policy.
 */
public enum KeyVersionState {
    /** Generated on the token and being checked and published; not yet used to sign. */
    PENDING,
    /** The primary version: new signatures are made with it. A ring has at most one. */
    ACTIVE,
    /** Verify-only: still published so tokens it signed stay valid through the grace period. */
    RETIRING,
    /** Removed from the key set; destroyed when the window ends unless it is restored. */
    SCHEDULED_FOR_DESTRUCTION,
    /** Gone from the token. Final. */
    DESTROYED;

    /** The states a version in this state may move to. */
    public Set<KeyVersionState> next() {
        return switch (this) {
            // a pending version that fails its checks is rolled back: destroyed before it ever signed
            case PENDING -> EnumSet.of(ACTIVE, DESTROYED);
            case ACTIVE -> EnumSet.of(RETIRING);
            case RETIRING -> EnumSet.of(SCHEDULED_FOR_DESTRUCTION);
            // restoring brings it back verify-only, never straight to primary
            case SCHEDULED_FOR_DESTRUCTION -> EnumSet.of(RETIRING, DESTROYED);
            case DESTROYED -> EnumSet.noneOf(KeyVersionState.class);
        };
    }

    public boolean mayMoveTo(KeyVersionState target) {
        return next().contains(target);
    }

    /** Whether the public key belongs in the published key set. */
    public boolean published() {
        return this == PENDING || this == ACTIVE || this == RETIRING;
    }
}
