package io.gatehouse.views.maturity;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.fonts.Fonts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A radar (spider) chart of several series on a few axes, drawn on a canvas in the look of a TilesFX
 * tile: dark rounded background, Lato type, the tile palette. TilesFX's own radar tile draws one
 * series; this one draws any number (current, target, previous) with a legend, and redraws on resize.
 * The chart is dark in both themes, as TilesFX tiles are.
 */
public final class RadarChart extends Region {
    /** The tile palette for the usual three series. */
    public static final Color CURRENT = Tile.BLUE;
    public static final Color TARGET = Tile.ORANGE;
    public static final Color PREVIOUS = Tile.GRAY.brighter();

    private static final double PREF_SIZE = 360;
    private static final double MIN_SIZE = 160;

    private final Canvas canvas = new Canvas();
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObjectProperty<List<String>> axes = new SimpleObjectProperty<>(this, "axes", List.of());
    private final ObjectProperty<List<RadarSeries>> series = new SimpleObjectProperty<>(this, "series", List.of());
    private final double maximum;
    private final int rings;

    /** A chart from 0 to 5 with a ring at each level, as the maturity scale has. */
    public RadarChart() {
        this(5, 5);
    }

    public RadarChart(double maximum, int rings) {
        if (maximum <= 0 || rings < 1) {
            throw new IllegalArgumentException("a radar needs a positive maximum and at least one ring");
        }
        this.maximum = maximum;
        this.rings = rings;
        getStyleClass().add("radar-chart");
        getChildren().add(canvas);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        title.addListener(o -> redraw());
        axes.addListener(o -> redraw());
        series.addListener(o -> redraw());
    }

    public StringProperty titleProperty() {
        return title;
    }

    public void setTitle(String value) {
        title.set(value);
    }

    public ObjectProperty<List<String>> axesProperty() {
        return axes;
    }

    public void setAxes(List<String> labels) {
        axes.set(List.copyOf(labels));
    }

    public ObjectProperty<List<RadarSeries>> seriesProperty() {
        return series;
    }

    public void setSeries(List<RadarSeries> all) {
        series.set(List.copyOf(all));
    }

    public double maximum() {
        return maximum;
    }

    @Override
    protected double computePrefWidth(double height) {
        return PREF_SIZE;
    }

    @Override
    protected double computePrefHeight(double width) {
        return PREF_SIZE;
    }

    @Override
    protected double computeMinWidth(double height) {
        return MIN_SIZE;
    }

    @Override
    protected double computeMinHeight(double width) {
        return MIN_SIZE;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        double unit = Math.min(w, h);
        g.setFill(Tile.BACKGROUND);
        g.fillRoundRect(0, 0, w, h, unit * 0.05, unit * 0.05);

        double pad = Math.max(8, unit * 0.04);
        double titleSize = clamp(unit * 0.045, 11, 20);
        g.setFill(Tile.FOREGROUND);
        g.setFont(Fonts.latoRegular(titleSize));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title.get(), pad, pad, w - 2 * pad);

        double legendSize = clamp(unit * 0.035, 10, 16);
        List<RadarSeries> all = series.get();
        double legendHeight = all.isEmpty() ? 0 : legendSize * 2.2;
        double top = pad + titleSize * 1.6;
        double bottom = h - pad - legendHeight;
        double labelSize = clamp(unit * 0.035, 10, 16);
        List<String> labels = axes.get();
        double labelRoom = labelSize * 1.9;
        int n = labels.size();
        // only labels beside the chart take width; those above and below take a line of height
        double widest = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(Math.sin(angle(i, n))) >= 0.2) {
                widest = Math.max(widest, textWidth(labels.get(i), Fonts.latoRegular(labelSize)));
            }
        }
        double radius = Math.max(10, Math.min((bottom - top) / 2 - labelRoom,
                (w - 2 * pad) / 2 - Math.min(widest, w * 0.22) - labelSize * 0.6));
        double cx = w / 2;
        double cy = (top + bottom) / 2;
        if (n >= 3) {
            drawGrid(g, cx, cy, radius, n, labelSize);
            drawLabels(g, cx, cy, radius, labels, labelSize, pad, w);
            for (RadarSeries s : all) {
                drawSeries(g, cx, cy, radius, n, s, unit);
            }
        }
        drawLegend(g, all, w, h - pad - legendHeight / 2, legendSize);
        setAccessibleText(describe());
    }

    private void drawGrid(GraphicsContext g, double cx, double cy, double radius, int n, double labelSize) {
        Color grid = Tile.FOREGROUND.deriveColor(0, 1, 1, 0.22);
        g.setStroke(grid);
        g.setLineWidth(1);
        for (int ring = 1; ring <= rings; ring++) {
            double r = radius * ring / rings;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = cx + r * Math.sin(angle(i, n));
                ys[i] = cy - r * Math.cos(angle(i, n));
            }
            g.strokePolygon(xs, ys, n);
        }
        for (int i = 0; i < n; i++) {
            g.strokeLine(cx, cy, cx + radius * Math.sin(angle(i, n)), cy - radius * Math.cos(angle(i, n)));
        }
        // ring values along the first axis, as a scale
        g.setFill(Tile.FOREGROUND.deriveColor(0, 1, 1, 0.6));
        g.setFont(Fonts.latoRegular(labelSize * 0.8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int ring = 1; ring <= rings; ring++) {
            double value = maximum * ring / rings;
            g.fillText(format(value), cx + 3, cy - radius * ring / rings);
        }
    }

    private void drawLabels(GraphicsContext g, double cx, double cy, double radius, List<String> labels, double size,
            double pad, double w) {
        int n = labels.size();
        g.setFill(Tile.FOREGROUND);
        g.setFont(Fonts.latoRegular(size));
        for (int i = 0; i < n; i++) {
            double a = angle(i, n);
            double x = cx + (radius + size * 0.6) * Math.sin(a);
            double y = cy - (radius + size * 0.6) * Math.cos(a);
            double sin = Math.sin(a);
            double cos = Math.cos(a);
            g.setTextAlign(Math.abs(sin) < 0.2 ? TextAlignment.CENTER : sin > 0 ? TextAlignment.LEFT : TextAlignment.RIGHT);
            g.setTextBaseline(Math.abs(cos) < 0.2 ? VPos.CENTER : cos > 0 ? VPos.BOTTOM : VPos.TOP);
            double room = sin > 0.2 ? w - pad - x : sin < -0.2 ? x - pad : w - 2 * pad;
            g.fillText(labels.get(i), x, y, Math.max(20, room));
        }
    }

    private void drawSeries(GraphicsContext g, double cx, double cy, double radius, int n, RadarSeries s, double unit) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double v = i < s.values().size() ? s.values().get(i) : 0;
            double r = radius * clamp(Double.isFinite(v) ? v : 0, 0, maximum) / maximum;
            xs[i] = cx + r * Math.sin(angle(i, n));
            ys[i] = cy - r * Math.cos(angle(i, n));
        }
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setStroke(s.color());
        switch (s.style()) {
            case FILLED -> {
                g.setFill(s.color().deriveColor(0, 1, 1, 0.28));
                g.fillPolygon(xs, ys, n);
                g.setLineWidth(Math.max(2, unit * 0.008));
                g.setLineDashes();
            }
            case DASHED -> {
                g.setLineWidth(Math.max(2, unit * 0.007));
                g.setLineDashes(unit * 0.02, unit * 0.015);
            }
            case THIN -> {
                g.setLineWidth(Math.max(1.2, unit * 0.004));
                g.setLineDashes();
            }
        }
        g.strokePolygon(xs, ys, n);
        g.setLineDashes();
        g.setFill(s.color());
        double dot = Math.max(3, unit * 0.012);
        if (s.style() != RadarSeries.Style.DASHED) {
            for (int i = 0; i < n; i++) {
                g.fillOval(xs[i] - dot / 2, ys[i] - dot / 2, dot, dot);
            }
        }
    }

    private void drawLegend(GraphicsContext g, List<RadarSeries> all, double w, double y, double size) {
        if (all.isEmpty()) {
            return;
        }
        Font font = Fonts.latoRegular(size);
        double swatch = size * 1.4;
        double gap = size;
        double total = 0;
        for (RadarSeries s : all) {
            total += swatch + size * 0.4 + textWidth(s.name(), font) + gap;
        }
        total -= gap;
        double x = Math.max(4, (w - total) / 2);
        g.setFont(font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (RadarSeries s : all) {
            g.setStroke(s.color());
            g.setLineWidth(s.style() == RadarSeries.Style.THIN ? 1.5 : 2.5);
            if (s.style() == RadarSeries.Style.DASHED) {
                g.setLineDashes(size * 0.35, size * 0.25);
            }
            g.strokeLine(x, y, x + swatch, y);
            g.setLineDashes();
            x += swatch + size * 0.4;
            g.setFill(Tile.FOREGROUND);
            g.fillText(s.name(), x, y);
            x += textWidth(s.name(), font) + gap;
        }
    }

    /** What the chart shows, for screen readers: each series with its value per axis. */
    String describe() {
        List<String> labels = axes.get();
        return title.get() + ". " + series.get().stream().map(s -> {
            StringBuilder b = new StringBuilder(s.name()).append(": ");
            for (int i = 0; i < labels.size() && i < s.values().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(labels.get(i)).append(' ').append(format(s.values().get(i)));
            }
            return b.toString();
        }).collect(Collectors.joining("; "));
    }

    // axis 0 points up, the others follow clockwise
    private static double angle(int i, int n) {
        return 2 * Math.PI * i / n;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.1f", v);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(Objects.toString(s, ""));
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
