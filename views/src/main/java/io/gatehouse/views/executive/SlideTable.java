package io.gatehouse.views.executive;

import java.util.List;

/**
 * A table on a slide: headers, rows of text, and which columns are numbers (aligned right).
 * Each row may carry a tone that colours its first cell.
 */
public record SlideTable(List<String> headers, List<List<String>> rows, List<Boolean> numeric, List<Tone> rowTones) {
    public SlideTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
        numeric = List.copyOf(numeric);
        rowTones = List.copyOf(rowTones);
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size() + " headers");
            }
        }
        if (numeric.size() != headers.size() || rowTones.size() != rows.size()) {
            throw new IllegalArgumentException("a table needs one alignment per column and one tone per row");
        }
    }
}
