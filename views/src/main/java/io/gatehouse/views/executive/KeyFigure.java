package io.gatehouse.views.executive;

import java.util.Objects;

/** A large number on a slide with its label and a short line saying what it means. */
public record KeyFigure(String label, String value, String caption, Tone tone) {
    public KeyFigure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        caption = caption == null ? "" : caption;
        Objects.requireNonNull(tone, "tone");
    }
}
