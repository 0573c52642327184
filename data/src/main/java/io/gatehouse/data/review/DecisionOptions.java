package io.gatehouse.data.review;

import java.util.List;

/** Optional parts of a reversal: values to allowlist, and whether to ask the customer to retry. */
public record DecisionOptions(List<AllowlistEntry> allowlist, CustomerNotification notification) {
    public DecisionOptions {
        allowlist = List.copyOf(allowlist);
    }

    public static DecisionOptions none() {
        return new DecisionOptions(List.of(), null);
    }
}
