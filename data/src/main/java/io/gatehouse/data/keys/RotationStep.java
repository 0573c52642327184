package io.gatehouse.data.keys;

/**
 * The last completed step of a version's rotation, recorded before the next step starts. A
 * rotation found at any step but {@link #ACTIVATED} was interrupted and is resumed from there.
 */
public enum RotationStep {
    /** The version row exists; the key may or may not be on the token yet. */
    REQUESTED,
    /** The key pair is on the token and its public key is recorded. */
    GENERATED,
    /** A challenge was signed on the token and verified with the public key. */
    SELF_TESTED,
    /** The key set including the new public key was sent to the JWKS registry. */
    PUBLISHED,
    /** The registry serves the new key id. */
    SERVED,
    /** The version became primary. */
    ACTIVATED;

    public RotationStep following() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }
}
