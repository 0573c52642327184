package io.gatehouse.data.config;

import java.time.Duration;

/** The sections that say how the console guards itself: its secret store, sessions and key custody proofs. */
public final class SecuritySettings {
    /** Locks the console after this long without a key press or mouse use, unless configured. */
    public static final Duration DEFAULT_IDLE_LOCK = Duration.ofMinutes(10);
    /** A step-up proof counts this long, unless configured. */
    public static final Duration DEFAULT_STEP_UP_MAX_AGE = Duration.ofMinutes(5);
    static final Duration MIN_IDLE_LOCK = Duration.ofMinutes(1);
    static final Duration MAX_IDLE_LOCK = Duration.ofHours(8);
    static final Duration MIN_STEP_UP = Duration.ofSeconds(30);
    static final Duration MAX_STEP_UP = Duration.ofMinutes(30);

    private SecuritySettings() {
    }

    /**
     * Where the console keeps its secrets: {@code passphrase} (a file encrypted under a passphrase, the default)
     * or {@code token} (AES-256-GCM under a non-extractable key on a PKCS#11 token).
     */
    public record Secrets(String store, Token token) {
        public static final String PASSPHRASE = "passphrase";
        public static final String TOKEN = "token";

        public boolean onToken() {
            return TOKEN.equals(store);
        }

        /** The token and the label of its secret-store key. */
        public record Token(String module, String tokenLabel, String keyLabel) {
        }
    }

    /** Idle lock and step-up freshness, as ISO-8601 durations such as PT10M. */
    public record Session(Duration idleLock, Duration stepUpMaxAge) {
        public Duration idleLockOrDefault() {
            return idleLock == null ? DEFAULT_IDLE_LOCK : idleLock;
        }

        public Duration stepUpMaxAgeOrDefault() {
            return stepUpMaxAge == null ? DEFAULT_STEP_UP_MAX_AGE : stepUpMaxAge;
        }
    }

    /** Whether destroying key material needs two custodians' smartcard proofs (passphrases refused). */
    public record KeyCustody(Boolean requireSmartcardProofs) {
        public boolean smartcardProofsRequired() {
            return Boolean.TRUE.equals(requireSmartcardProofs);
        }
    }
}
