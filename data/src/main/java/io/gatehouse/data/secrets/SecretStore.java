package io.gatehouse.data.secrets;

import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Pattern;

/**
 * Where the console keeps its secrets, by name.
 *
 * <p>Names are 1 to 64 characters: a lower-case letter or digit, then lower-case letters, digits,
 * dots, underscores or hyphens. Every method rejects any other name with an
 * {@link IllegalArgumentException}. Failures of the store itself are reported as
 * {@link SecretStoreException}.
 */
public interface SecretStore {

    /** The pattern every secret name must match. */
    Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /**
     * Stores {@code value} under {@code name}, replacing any earlier value. The store keeps its own
     * copy, so the caller can (and should) wipe its array afterwards.
     */
    void put(String name, char[] value);

    /** The secret stored under {@code name}; the caller closes it to wipe the copy. */
    Optional<Secret> get(String name);

    /** Removes the secret stored under {@code name}; returns whether there was one. */
    boolean delete(String name);

    /** The names of all stored secrets, in order; an unmodifiable snapshot. */
    SortedSet<String> names();

    /**
     * Returns {@code name} if it is a valid secret name.
     *
     * @throws IllegalArgumentException if it is not
     */
    static String requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A secret name must be 1 to 64 characters: a lower-case letter"
                    + " or digit, then lower-case letters, digits, '.', '_' or '-'.");
        }
        return name;
    }
}
