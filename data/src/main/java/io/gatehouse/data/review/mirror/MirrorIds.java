package io.gatehouse.data.review.mirror;

import java.util.List;

/** A chunk of the case ids matching a filter; pass {@code nextCursor} back for the next chunk while it is not null. */
public record MirrorIds(List<String> caseIds, String nextCursor) {
    public MirrorIds {
        caseIds = List.copyOf(caseIds);
    }
}
