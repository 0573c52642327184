package io.gatehouse.data.secrets;

/** Key derivation parameters cheap enough for unit tests; never use them for a real store. */
public final class TestKdf {
    /** 1 MiB, 1 iteration, parallelism 1: far too weak for real use, fast enough for tests. */
    public static final KdfParameters FAST_FOR_TESTS = new KdfParameters(1024, 1, 1, 16);

    private TestKdf() {
    }
}
