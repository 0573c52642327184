package io.gatehouse.data.review;

import java.util.List;

/** One page of cases; pass {@code nextCursor} back unchanged for the next page while it is not null. */
public record CasePage(List<ReviewCase> cases, String nextCursor) {
    public CasePage {
        cases = List.copyOf(cases);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
