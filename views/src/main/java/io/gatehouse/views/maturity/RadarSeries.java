package io.gatehouse.views.maturity;

import java.util.List;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * One line on a {@link RadarChart}: a name for the legend, one value per axis (0 to the chart's
 * maximum), its colour and how it is drawn.
 */
public record RadarSeries(String name, List<Double> values, Color color, Style style) {
    /** How a series is drawn, so current, target and previous read apart even in grey print. */
    public enum Style {
        /** A solid line with a translucent fill: the series the chart is about. */
        FILLED,
        /** A dashed line: a goal. */
        DASHED,
        /** A thin solid line: a reference, such as an earlier value. */
        THIN
    }

    public RadarSeries {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(style, "style");
    }
}
