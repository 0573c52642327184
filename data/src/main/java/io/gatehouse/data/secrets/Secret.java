package io.gatehouse.data.secrets;

import java.util.Arrays;
import java.util.Objects;

/**
 * One secret value in memory. Close it as soon as the value has been used: closing overwrites the
 * characters with zeros. It never shows its value in {@link #toString()}.
 */
public final class Secret implements AutoCloseable {
    private final char[] value;
    private boolean closed;

    private Secret(char[] owned) {
        this.value = owned;
    }

    /** A secret holding a copy of {@code value}; the caller still wipes its own array. */
    public static Secret copyOf(char[] value) {
        return new Secret(Objects.requireNonNull(value, "value").clone());
    }

    /** A secret that takes ownership of {@code owned} without copying it; for store implementations. */
    static Secret adopt(char[] owned) {
        return new Secret(Objects.requireNonNull(owned, "owned"));
    }

    /**
     * The secret's characters. This is the secret's own array, not a copy: do not keep it beyond
     * the secret's life, since {@link #close()} wipes it.
     *
     * @throws IllegalStateException if the secret has been closed
     */
    public synchronized char[] chars() {
        if (closed) {
            throw new IllegalStateException("This secret has been closed and wiped; read it from the store again.");
        }
        return value;
    }

    /** Overwrites the value with zeros. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        Arrays.fill(value, '\0');
        closed = true;
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
