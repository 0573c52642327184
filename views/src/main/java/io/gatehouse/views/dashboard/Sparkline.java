package io.gatehouse.views.dashboard;

import io.gatehouse.data.telemetry.KpiPoint;
import java.time.Instant;
import java.util.List;
import javafx.scene.layout.Region;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * A small filled line of a KPI over the time range, drawn with two paths (area and line) that are
 * rebuilt only when the data or the size changes: no timer, no animation, no chart machinery.
 * Points are placed by their time, so a gap in the data stays a visible gap in the shape.
 */
final class Sparkline extends Region {
    private final Path area = new Path();
    private final Path line = new Path();
    private List<KpiPoint> points = List.of();
    private Instant from = Instant.EPOCH;
    private Instant to = Instant.EPOCH;

    Sparkline() {
        getStyleClass().add("kpi-sparkline");
        area.getStyleClass().add("kpi-sparkline-area");
        line.getStyleClass().add("kpi-sparkline-line");
        area.setManaged(false);
        line.setManaged(false);
        getChildren().addAll(area, line);
        setMinHeight(18);
        setPrefHeight(24);
    }

    /** Shows {@code points} across {@code from}..{@code to}; fewer than two points draw nothing. */
    void show(List<KpiPoint> points, Instant from, Instant to) {
        if (points.equals(this.points) && from.equals(this.from) && to.equals(this.to)) {
            return;
        }
        this.points = points;
        this.from = from;
        this.to = to;
        requestLayout();
    }

    int pointCount() {
        return points.size();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        if (points.size() < 2 || w <= 0 || h <= 0 || !to.isAfter(from)) {
            area.getElements().clear();
            line.getElements().clear();
            return;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (KpiPoint p : points) {
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
        }
        // a flat series sits mid-height instead of on the floor, and the floor is 0 when the values are near it
        if (min >= 0 && min < (max - min)) {
            min = 0;
        }
        double spread = max - min;
        double span = to.toEpochMilli() - from.toEpochMilli();
        double left = snappedLeftInset();
        double top = snappedTopInset();
        PathElement[] lineElements = new PathElement[points.size()];
        PathElement[] areaElements = new PathElement[points.size() + 3];
        double firstX = 0;
        double lastX = 0;
        for (int i = 0; i < points.size(); i++) {
            KpiPoint p = points.get(i);
            double x = left + w * Math.clamp((p.at().toEpochMilli() - from.toEpochMilli()) / span, 0, 1);
            double y = top + (spread == 0 ? h / 2 : h - h * (p.value() - min) / spread);
            lineElements[i] = i == 0 ? new MoveTo(x, y) : new LineTo(x, y);
            areaElements[i + 1] = new LineTo(x, y);
            if (i == 0) {
                firstX = x;
            }
            lastX = x;
        }
        areaElements[0] = new MoveTo(firstX, top + h);
        areaElements[points.size() + 1] = new LineTo(lastX, top + h);
        areaElements[points.size() + 2] = new ClosePath();
        line.getElements().setAll(lineElements);
        area.getElements().setAll(areaElements);
    }
}
