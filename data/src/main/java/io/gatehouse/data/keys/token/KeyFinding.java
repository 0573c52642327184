package io.gatehouse.data.keys.token;

import java.util.Objects;

/**
 * A problem found in a token's inventory. Findings are reported, not failures: they describe the
 * token's state, and the custodian decides what to do.
 *
 * @param kind what is wrong
 * @param key the object it is about
 * @param sentence one sentence for the custodian: what is wrong and what to do
 */
public record KeyFinding(Kind kind, KeyObject key, String sentence) {

    /** What is wrong with a key. */
    public enum Kind {
        /** A private or secret key can be taken off the token. */
        EXTRACTABLE,
        /** A private or secret key's value can be read from the token. */
        NOT_SENSITIVE,
        /** A private key with no public key or certificate that matches it. */
        ORPHAN_PRIVATE_KEY,
        /** Objects that share a label in a way that makes the label ambiguous. */
        DUPLICATE_LABEL
    }

    public KeyFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sentence, "sentence");
    }
}
