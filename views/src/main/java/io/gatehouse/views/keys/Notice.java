package io.gatehouse.views.keys;

import java.util.List;
import java.util.Objects;

/**
 * A line for the area's status bar as a bundle key and its arguments, so the view model stays
 * free of language; {@code problem} marks it as something that went wrong.
 */
public record Notice(boolean problem, String key, List<Object> args) {
    public Notice {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static Notice info(String key, Object... args) {
        return new Notice(false, key, List.of(args));
    }

    public static Notice problem(String key, Object... args) {
        return new Notice(true, key, List.of(args));
    }
}
