package io.gatehouse.views.executive;

import io.gatehouse.data.executive.RegionRisk;
import java.util.List;

/** A picture on a slide. The screen draws it live; the PDF embeds a snapshot of that drawing. */
public sealed interface SlideFigure {
    /** The world map with each region's countries coloured by risk. */
    record WorldMap(List<RegionRisk> regions) implements SlideFigure {
        public WorldMap {
            regions = List.copyOf(regions);
        }
    }

    /** Horizontal bars, each 0..1, with its label and value text. */
    record Bars(List<Bar> bars) implements SlideFigure {
        public Bars {
            bars = List.copyOf(bars);
        }
    }

    /** The maturity radar: one value per axis for each series, 0..5. */
    record Radar(List<String> axes, List<RadarLine> lines) implements SlideFigure {
        public Radar {
            axes = List.copyOf(axes);
            lines = List.copyOf(lines);
        }
    }

    /** One series of the radar; its role decides how it is drawn. */
    record RadarLine(String name, List<Double> values, Role role) {
        public RadarLine {
            values = List.copyOf(values);
        }

        /** Current is filled, target dashed, previous thin. */
        public enum Role { CURRENT, TARGET, PREVIOUS }
    }

    /** One bar. */
    record Bar(String label, double value, String text, Tone tone) {
    }
}
