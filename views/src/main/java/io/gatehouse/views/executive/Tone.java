package io.gatehouse.views.executive;

/** How a figure reads at a glance; the screen and the PDF colour it the same way. */
public enum Tone {
    NEUTRAL, GOOD, WARNING, BAD
}
