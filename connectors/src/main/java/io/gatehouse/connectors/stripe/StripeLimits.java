package io.gatehouse.connectors.stripe;

/**
 * The largest answer accepted per kind of call. A review with its charge and PaymentIntent
 * expanded is a few kilobytes; a page holds at most 100. Each bound is many times that and still
 * small enough that a hostile or broken upstream cannot exhaust the heap.
 */
final class StripeLimits {
    static final long REVIEW_PAGE = 8L << 20;
    static final long REVIEW = 1L << 20;
    static final long WRITE = 256L << 10;
    /** Stripe's own maximum page size. */
    static final int MAX_PAGE = 100;

    private StripeLimits() {
    }
}
