package io.gatehouse.data.audit;

/**
 * The result of walking the audit chain. When {@code intact} is false, {@code firstBrokenSequence}
 * names the first entry that does not hold, and {@code problem} says why.
 */
public record ChainVerification(boolean intact, long count, String headHash, Long firstBrokenSequence, String problem) {

    public static ChainVerification intact(long count, String headHash) {
        return new ChainVerification(true, count, headHash, null, null);
    }

    public static ChainVerification broken(long checked, long sequence, String problem) {
        return new ChainVerification(false, checked, null, sequence, problem);
    }
}
