package io.gatehouse.data.audit;

/**
 * The result of checking the signed heads against the chain.
 *
 * @param ok every signature verifies against its recorded key and every signed head is still in the chain
 * @param signedHeads how many signed heads were checked
 * @param lastSignedSequence the highest sequence a signature covers; 0 when nothing was signed
 * @param problem what is wrong, when not ok
 */
public record HeadCheck(boolean ok, int signedHeads, long lastSignedSequence, String problem) {
    static HeadCheck ok(int count, long last) {
        return new HeadCheck(true, count, last, null);
    }

    static HeadCheck failed(int count, long last, String problem) {
        return new HeadCheck(false, count, last, problem);
    }
}
