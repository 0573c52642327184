package io.gatehouse.data.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a key ring's key.
 *
 * @param ring the ring's name
 * @param number 1 for the first version, then one more per rotation
 * @param state where the version is in its life
 * @param step the last completed rotation step; {@link RotationStep#ACTIVATED} once it has been primary
 * @param keyLabel the label of its key pair on the token
 * @param kid the RFC 7638 thumbprint it is published under; null until generated
 * @param publicKey the SPKI DER of its public key; null until generated
 * @param createdAt when its rotation started
 * @param stateSince when it entered its state
 * @param dueAt the end of the grace period (retiring) or of the destruction window (scheduled); else null
 */
public record KeyVersion(String ring, int number, KeyVersionState state, RotationStep step, String keyLabel,
        String kid, byte[] publicKey, Instant createdAt, Instant stateSince, Instant dueAt) {

    public KeyVersion {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(keyLabel, "keyLabel");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(stateSince, "stateSince");
        publicKey = publicKey == null ? null : publicKey.clone();
        if (number < 1) {
            throw new IllegalArgumentException("version numbers start at 1");
        }
    }

    /** A new pending version whose rotation has only been requested. */
    public static KeyVersion requested(String ring, int number, Instant at) {
        return new KeyVersion(ring, number, KeyVersionState.PENDING, RotationStep.REQUESTED, labelFor(ring, number),
                null, null, at, at, null);
    }

    /** The token label of a ring's version: unique per token because ring names are. */
    public static String labelFor(String ring, int number) {
        return ring + "-v" + number;
    }

    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    public KeyVersion withStep(RotationStep next) {
        if (state != KeyVersionState.PENDING || next.ordinal() != step.ordinal() + 1 || next == RotationStep.ACTIVATED) {
            throw new IllegalKeyTransitionException("Version " + number + " of ring '" + ring + "' cannot go from step "
                    + step + " to " + next + ".");
        }
        return new KeyVersion(ring, number, state, next, keyLabel, kid, publicKey, createdAt, stateSince, dueAt);
    }

    public KeyVersion withPublicKey(String newKid, byte[] spki) {
        return new KeyVersion(ring, number, state, step, keyLabel, Objects.requireNonNull(newKid, "kid"),
                Objects.requireNonNull(spki, "spki"), createdAt, stateSince, dueAt);
    }

    /**
     * This version in {@code target}, entered at {@code now}, after checking the move and its
     * timing against the policy.
     *
     * @throws IllegalKeyTransitionException for a move the rules do not allow, or one made too early
     */
    public KeyVersion moveTo(KeyVersionState target, Instant now, RotationPolicy policy) {
        if (!state.mayMoveTo(target)) {
            throw new IllegalKeyTransitionException("Version " + number + " of ring '" + ring + "' is " + name(state)
                    + " and cannot become " + name(target) + ".");
        }
        if (state == KeyVersionState.PENDING && target == KeyVersionState.ACTIVE && step != RotationStep.SERVED) {
            throw new IllegalKeyTransitionException("Version " + number + " of ring '" + ring
                    + "' cannot become primary before its key set is served (it is at step " + step + ").");
        }
        if ((state == KeyVersionState.RETIRING && target == KeyVersionState.SCHEDULED_FOR_DESTRUCTION
                || state == KeyVersionState.SCHEDULED_FOR_DESTRUCTION && target == KeyVersionState.DESTROYED)
                && dueAt != null && now.isBefore(dueAt)) {
            throw new IllegalKeyTransitionException("Version " + number + " of ring '" + ring + "' is " + name(state)
                    + " until " + dueAt + "; it cannot become " + name(target) + " before then.");
        }
        Instant due = switch (target) {
            case RETIRING -> state == KeyVersionState.ACTIVE ? now.plus(policy.gracePeriod()) : now;
            case SCHEDULED_FOR_DESTRUCTION -> now.plus(policy.destructionWindow());
            default -> null;
        };
        RotationStep newStep = target == KeyVersionState.ACTIVE ? RotationStep.ACTIVATED : step;
        return new KeyVersion(ring, number, target, newStep, keyLabel, kid, publicKey, createdAt, now, due);
    }

    /** Whether the version's waiting time in its state is over. */
    public boolean due(Instant now) {
        return dueAt != null && !now.isBefore(dueAt);
    }

    static String name(KeyVersionState s) {
        return s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyVersion v && ring.equals(v.ring) && number == v.number && state == v.state
                && step == v.step && keyLabel.equals(v.keyLabel) && Objects.equals(kid, v.kid)
                && java.util.Arrays.equals(publicKey, v.publicKey) && createdAt.equals(v.createdAt)
                && stateSince.equals(v.stateSince) && Objects.equals(dueAt, v.dueAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ring, number, state, step);
    }

    @Override
    public String toString() {
        return ring + " v" + number + " " + state + " (" + step + ")";
    }
}
