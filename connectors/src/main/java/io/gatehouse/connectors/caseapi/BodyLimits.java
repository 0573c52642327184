package io.gatehouse.connectors.caseapi;

/**
 * The largest answer accepted per endpoint. Each is several times what the contract's own bounds
 * produce (200 cases a page, 100 notes of 2,000 characters, 5,000 approvals), and small enough
 * that a runaway upstream cannot exhaust the heap.
 */
final class BodyLimits {
    static final long CASE_LIST = 8L << 20;
    static final long CASE = 1L << 20;
    static final long DECISION = 256L << 10;
    static final long CLAIM = 64L << 10;
    static final long NOTES = 2L << 20;
    static final long APPROVALS = 16L << 20;
    static final long APPROVAL = 256L << 10;
    /** 1,000 events of about 200 bytes each, five times over. */
    static final long EVENTS = 1L << 20;

    private BodyLimits() {
    }
}
