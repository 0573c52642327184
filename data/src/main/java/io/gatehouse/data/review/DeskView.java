package io.gatehouse.data.review;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A named way of looking at the queue: the desk's filter fields by name, and the column it sorts by.
 * The desk decides what the fields mean; this record only keeps them.
 */
public record DeskView(String name, Map<String, String> filter, String sortColumn, boolean ascending) {
    public static final int MAX_NAME = 60;

    public DeskView {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a view name needs 1 to " + MAX_NAME + " characters");
        }
        filter = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(filter, "filter")));
    }
}
