package io.gatehouse.data.secrets;

/**
 * Argon2id cost parameters for deriving the store key from a passphrase. They are written into the
 * store file, so a later version can raise them (on the next passphrase change) without breaking
 * existing stores.
 *
 * @param memoryKiB   memory per derivation, in KiB (8 × parallelism to 1 GiB)
 * @param iterations  passes over the memory (1 to 64)
 * @param parallelism lanes (1 to 16)
 * @param saltLength  random salt length in bytes (16 to 64)
 */
public record KdfParameters(int memoryKiB, int iterations, int parallelism, int saltLength) {

    /** Largest accepted memory cost: 1 GiB, so a tampered file cannot make opening exhaust memory. */
    public static final int MAX_MEMORY_KIB = 1024 * 1024;

    /**
     * 64 MiB, 3 iterations, parallelism 1, 16-byte salt. This is the second recommended option of
     * RFC 9106 (section 4), for settings where 2 GiB per derivation is too much for a desktop. We
     * use parallelism 1 rather than the RFC's 4 because the console runs on 2-core laptops, where
     * more lanes would not run at the same time and would only add overhead.
     */
    public static final KdfParameters DEFAULT = new KdfParameters(64 * 1024, 3, 1, 16);

    public KdfParameters {
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("Argon2 parallelism must be 1 to 16, not " + parallelism + ".");
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2 memory must be " + 8 * parallelism + " to "
                    + MAX_MEMORY_KIB + " KiB, not " + memoryKiB + ".");
        }
        if (iterations < 1 || iterations > 64) {
            throw new IllegalArgumentException("Argon2 iterations must be 1 to 64, not " + iterations + ".");
        }
        if (saltLength < 16 || saltLength > 64) {
            throw new IllegalArgumentException("The salt must be 16 to 64 bytes, not " + saltLength + ".");
        }
    }
}
