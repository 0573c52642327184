package io.gatehouse.data.secrets;

import java.util.Objects;
import java.util.Optional;

/**
 * Moves secrets from one store to another, for example from the passphrase store to the token store once a
 * token is configured. Values pass through memory only, one at a time, each wiped after it is written and read
 * back; nothing in plain text touches the disk. The source is left as it is: the caller deletes it once the
 * copy has been checked.
 */
public final class SecretMigration {
    private SecretMigration() {
    }

    /** Copies every secret; returns how many. Throws, with nothing deleted anywhere, if one does not read back. */
    public static int copyAll(SecretStore from, SecretStore to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        int copied = 0;
        for (String name : from.names()) {
            Optional<Secret> value = from.get(name);
            if (value.isEmpty()) {
                continue;
            }
            try (Secret original = value.get()) {
                to.put(name, original.chars());
                try (Secret copy = to.get(name).orElseThrow(() -> mismatch(name))) {
                    if (!sameChars(original.chars(), copy.chars())) {
                        throw mismatch(name);
                    }
                }
            }
            copied++;
        }
        return copied;
    }

    private static SecretStoreException mismatch(String name) {
        return new SecretStoreException(SecretStoreException.Reason.IO, "Secret '" + name
                + "' did not read back the same from the new store; the migration stopped and the old store is unchanged.");
    }

    /** Compares without stopping at the first difference, so timing says nothing about the value. */
    private static boolean sameChars(char[] a, char[] b) {
        int difference = a.length ^ b.length;
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            char x = i < a.length ? a[i] : 0;
            char y = i < b.length ? b[i] : 0;
            difference |= x ^ y;
        }
        return difference == 0;
    }
}
