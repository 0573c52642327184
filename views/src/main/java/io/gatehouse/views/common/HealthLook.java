package io.gatehouse.views.common;

import io.gatehouse.data.health.HealthState;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * How a health state looks. Colour is never the only signal: each state has its own icon shape and
 * a word, and the colours (blue, amber, vermilion, grey) stay apart for red-green colour blindness.
 */
public enum HealthLook {
    UP(Material2AL.CHECK_CIRCLE, "health-up", "health.up"),
    DEGRADED(Material2MZ.WARNING, "health-degraded", "health.degraded"),
    DOWN(Material2MZ.REPORT, "health-down", "health.down"),
    UNKNOWN(Material2AL.HELP, "health-unknown", "health.unknown");

    private final Ikon icon;
    private final String styleClass;
    private final String labelKey;

    HealthLook(Ikon icon, String styleClass, String labelKey) {
        this.icon = icon;
        this.styleClass = styleClass;
        this.labelKey = labelKey;
    }

    public static HealthLook of(HealthState state) {
        return switch (state) {
            case UP -> UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> DOWN;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public Ikon icon() {
        return icon;
    }

    public String styleClass() {
        return styleClass;
    }

    public String labelKey() {
        return labelKey;
    }
}
