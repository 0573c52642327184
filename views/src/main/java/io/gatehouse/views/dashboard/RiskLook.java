package io.gatehouse.views.dashboard;

import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.views.common.I18n;
import javafx.scene.paint.Color;

/** How a risk level looks on the world map, in the legend and on a region's heading. */
final class RiskLook {
    private RiskLook() {
    }

    static Color colour(RiskLevel level) {
        return switch (level) {
            case UNKNOWN -> Color.web("#7d8791");
            case LOW -> Color.web("#2f9e5f");
            case ELEVATED -> Color.web("#e3a21a");
            case HIGH -> Color.web("#e04848");
        };
    }

    static String styleClass(RiskLevel level) {
        return "risk-" + level.name().toLowerCase(java.util.Locale.ROOT);
    }

    static String name(I18n i18n, RiskLevel level) {
        return i18n.get(switch (level) {
            case UNKNOWN -> "dashboard.risk.unknown";
            case LOW -> "dashboard.risk.low";
            case ELEVATED -> "dashboard.risk.elevated";
            case HIGH -> "dashboard.risk.high";
        });
    }
}
