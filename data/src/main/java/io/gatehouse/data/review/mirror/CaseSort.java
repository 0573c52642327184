package io.gatehouse.data.review.mirror;

import java.util.Locale;

/** The orders the desk lists cases in; each is served by its own index in the local mirror. */
public enum CaseSort {
    /** Newest first. */
    NEWEST("created_ms", "created", true),
    /** Largest amount first, in minor units of each case's own currency. */
    AMOUNT("amount_minor", "amount", true),
    /** Highest risk score first. */
    RISK("risk_score", "risk", true),
    /** Oldest first: the cases closest to breaching their SLA. */
    AGE("created_ms", "created", false);

    private final String column;
    private final String indexKey;
    private final boolean descending;

    CaseSort(String column, String indexKey, boolean descending) {
        this.column = column;
        this.indexKey = indexKey;
        this.descending = descending;
    }

    String column() {
        return column;
    }

    /** The part of the index name that names this sort key. */
    String indexKey() {
        return indexKey;
    }

    boolean descending() {
        return descending;
    }

    /** The short name used in cursors and on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
