package io.gatehouse.data.keys;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named key, such as {@code checkout-session-signing}, with its policy and its versions in
 * number order.
 */
public record KeyRing(String name, RotationPolicy policy, List<KeyVersion> versions) {
    // Lowercase, digits and dashes: the name goes into token labels ("name-vN", at most 64
    // characters) and URLs, where anything else would need escaping.
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?");

    public KeyRing {
        Objects.requireNonNull(policy, "policy");
        checkName(name);
        versions = versions.stream().sorted(Comparator.comparingInt(KeyVersion::number)).toList();
    }

    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key ring name is 1 to 48 lowercase letters, digits and dashes,"
                    + " starting and ending with a letter or digit: '" + name + "'");
        }
        return name;
    }

    /** The primary version, if the ring has one yet. */
    public Optional<KeyVersion> active() {
        return inState(KeyVersionState.ACTIVE);
    }

    /** The version whose rotation is in flight, if any. */
    public Optional<KeyVersion> pending() {
        return inState(KeyVersionState.PENDING);
    }

    public Optional<KeyVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    public int nextNumber() {
        return versions.isEmpty() ? 1 : versions.getLast().number() + 1;
    }

    /** The versions whose public keys belong in the published key set. */
    public List<KeyVersion> published() {
        return versions.stream().filter(v -> v.state().published() && v.kid() != null).toList();
    }

    private Optional<KeyVersion> inState(KeyVersionState state) {
        return versions.stream().filter(v -> v.state() == state).findFirst();
    }
}
