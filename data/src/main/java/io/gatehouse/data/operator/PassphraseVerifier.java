package io.gatehouse.data.operator;

/** Checks a re-entered passphrase; implemented by the secret store that the passphrase unlocks. */
@FunctionalInterface
public interface PassphraseVerifier {
    /** True when {@code candidate} is right. Must not keep a copy of it. */
    boolean verify(char[] candidate);
}
