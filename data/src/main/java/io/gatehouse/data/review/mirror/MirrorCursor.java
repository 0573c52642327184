package io.gatehouse.data.review.mirror;

import java.util.Locale;

/**
 * Where the next page starts: the sort, and the sort key and row of the last case shown. Seeking
 * past that pair, rather than counting rows to skip, keeps every page as cheap as the first and
 * never shows a case twice when new ones arrive meanwhile.
 */
record MirrorCursor(CaseSort sort, long key, long rowId) {
    static final String PREFIX = "m1.";

    String encode() {
        return PREFIX + sort.wireName() + "." + key + "." + rowId;
    }

    /** True for a cursor this mirror made (the upstream's cursors look different). */
    static boolean isMirrorCursor(String cursor) {
        return cursor != null && cursor.startsWith(PREFIX);
    }

    /** Reads a cursor; one from another sort or not made here is refused with a sentence saying so. */
    static MirrorCursor decode(String cursor, CaseSort expected) {
        String[] parts = isMirrorCursor(cursor) ? cursor.substring(PREFIX.length()).split("\\.", -1) : new String[0];
        CaseSort sort = null;
        long key;
        long rowId;
        try {
            sort = parts.length == 3 ? CaseSort.valueOf(parts[0].toUpperCase(Locale.ROOT)) : null;
            key = sort == null ? 0 : Long.parseLong(parts[1]);
            rowId = sort == null ? 0 : Long.parseLong(parts[2]);
        } catch (IllegalArgumentException e) {
            sort = null;
            key = 0;
            rowId = 0;
        }
        if (sort == null) {
            throw new IllegalArgumentException("The page cursor '" + cursor
                    + "' is not one this console made; start again from the first page.");
        }
        if (sort != expected) {
            throw new IllegalArgumentException("This page cursor belongs to the '" + sort.wireName() + "' order, not '"
                    + expected.wireName() + "'; start again from the first page.");
        }
        return new MirrorCursor(sort, key, rowId);
    }
}
