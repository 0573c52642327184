package io.gatehouse.data.config;

import java.util.List;
import java.util.function.Function;

/**
 * The new lines of a block list ({@code - item} per line) for a changed set of values: a value that
 * stays keeps its own line, with the comment beside it, in the new order; a new value gets a fresh
 * line; a dropped value loses its line. Rotating pins from [current, next] to [next, newer] therefore
 * keeps the note on "next".
 */
final class BlockListLines {
    /** One old item: its value and its lines, up to the next item's line. */
    record Item(String value, String lines) {
    }

    private BlockListLines() {
    }

    /** The region's new text; it ends with a line break exactly when the old region did. */
    static String rewrite(List<Item> old, List<String> values, Function<String, String> freshLine, String newline) {
        int[] source = keptItems(old, values);
        StringBuilder out = new StringBuilder();
        for (int j = 0; j < values.size(); j++) {
            String lines = source[j] >= 0 ? old.get(source[j]).lines() : freshLine.apply(values.get(j)) + newline;
            if (!lines.endsWith("\n")) {
                lines += newline;
            }
            out.append(lines);
        }
        boolean endedWithBreak = old.getLast().lines().endsWith("\n");
        if (!endedWithBreak && !out.isEmpty()) {
            out.setLength(out.length() - newline.length());
        }
        return out.toString();
    }

    /**
     * For each new value, the old item that keeps its line there (or -1): the longest run of values
     * common to both lists in the same order, so a reordering moves as few lines as it can.
     */
    private static int[] keptItems(List<Item> old, List<String> values) {
        int n = old.size();
        int m = values.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = old.get(i).value().equals(values.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int[] source = new int[m];
        java.util.Arrays.fill(source, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (old.get(i).value().equals(values.get(j))) {
                source[j] = i;
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return source;
    }
}
