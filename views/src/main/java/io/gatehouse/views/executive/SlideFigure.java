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

    /** One bar. */
    record Bar(String label, double value, String text, Tone tone) {
    }
}
