package io.gatehouse.data.keys;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.SignatureMechanism;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * How a key ring rotates.
 *
 * @param algorithm the key pair each new version gets
 * @param cryptoperiod how long a version may stay primary
 * @param warnBefore how long before the cryptoperiod ends a warning is shown
 * @param gracePeriod how long a replaced version stays published, verify-only
 * @param destructionWindow how long a retired version waits, restorable, before it may be destroyed
 */
public record RotationPolicy(KeyAlgorithm algorithm, Duration cryptoperiod, Duration warnBefore,
        Duration gracePeriod, Duration destructionWindow) {

    /**
     * The algorithms a ring may use. Ed25519 is left out because the JWKS registry verifies only
     * EC and RSA keys; AES is not a signing key pair.
     */
    public static final Set<KeyAlgorithm> ALGORITHMS = Set.of(KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384,
            KeyAlgorithm.RSA_3072);

    public RotationPolicy {
        Objects.requireNonNull(algorithm, "algorithm");
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("a key ring cannot use " + algorithm + "; use one of " + ALGORITHMS);
        }
        positive(cryptoperiod, "cryptoperiod");
        positive(gracePeriod, "grace period");
        positive(destructionWindow, "destruction window");
        Objects.requireNonNull(warnBefore, "warnBefore");
        if (warnBefore.isNegative() || warnBefore.compareTo(cryptoperiod) >= 0) {
            throw new IllegalArgumentException("the warning must come after the start of the cryptoperiod");
        }
    }

    /**
     * A policy whose grace period is the longest a signed token can live plus how long verifiers
     * may cache the key set: a token signed just before the rotation must still verify for that
     * long, against a key set fetched just before the old key left it.
     */
    public static RotationPolicy withDefaultGrace(KeyAlgorithm algorithm, Duration cryptoperiod, Duration warnBefore,
            Duration maxTokenLifetime, Duration jwksCacheTime, Duration destructionWindow) {
        return new RotationPolicy(algorithm, cryptoperiod, warnBefore, maxTokenLifetime.plus(jwksCacheTime),
                destructionWindow);
    }

    /** A checkout default: 90 days primary, warned 14 days ahead, 1 h tokens, 10 min cache, 30 days to restore. */
    public static RotationPolicy defaults(KeyAlgorithm algorithm) {
        return withDefaultGrace(algorithm, Duration.ofDays(90), Duration.ofDays(14), Duration.ofHours(1),
                Duration.ofMinutes(10), Duration.ofDays(30));
    }

    public CryptoperiodStatus status(Instant activatedAt, Instant now) {
        Instant end = activatedAt.plus(cryptoperiod);
        if (!now.isBefore(end)) {
            return CryptoperiodStatus.EXPIRED;
        }
        return now.isBefore(end.minus(warnBefore)) ? CryptoperiodStatus.OK : CryptoperiodStatus.WARNING;
    }

    /** How new versions sign: the JOSE algorithm for the key type. */
    public SignatureMechanism mechanism() {
        return mechanismFor(algorithm);
    }

    public static SignatureMechanism mechanismFor(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC_P256 -> SignatureMechanism.ECDSA_SHA256;
            case EC_P384 -> SignatureMechanism.ECDSA_SHA384;
            case RSA_3072 -> SignatureMechanism.RSA_PSS_SHA256;
            case ED25519 -> SignatureMechanism.ED25519;
            case AES_256 -> throw new IllegalArgumentException("AES keys do not sign");
        };
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the " + name + " must be longer than zero");
        }
    }
}
