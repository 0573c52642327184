package io.gatehouse.views.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The navigation areas of the console, in menu order, each with its own shortcut. */
public enum Area {
    REVIEW_DESK("area.reviewDesk", Material2MZ.RATE_REVIEW, KeyCode.DIGIT1,
            "empty.reviewDesk.holds", "empty.reviewDesk.configure"),
    REGIONAL_DASHBOARDS("area.regionalDashboards", Material2AL.DASHBOARD, KeyCode.DIGIT2,
            "empty.regionalDashboards.holds", "empty.regionalDashboards.configure"),
    ALERTS_INCIDENTS("area.alertsIncidents", Material2MZ.NOTIFICATIONS_ACTIVE, KeyCode.DIGIT3,
            "empty.alertsIncidents.holds", "empty.alertsIncidents.configure"),
    KEY_CUSTODY("area.keyCustody", Material2MZ.VPN_KEY, KeyCode.DIGIT4,
            "empty.keyCustody.holds", "empty.keyCustody.configure"),
    MATURITY_AUDIT("area.maturityAudit", Material2AL.FACT_CHECK, KeyCode.DIGIT5,
            "empty.maturityAudit.holds", "empty.maturityAudit.configure"),
    EXECUTIVE_VIEW("area.executiveView", Material2AL.INSIGHTS, KeyCode.DIGIT6,
            "empty.executiveView.holds", "empty.executiveView.configure"),
    AUDIT_LOG("area.auditLog", Material2AL.HISTORY, KeyCode.DIGIT7, null, null),
    CONNECTIONS("area.connections", Material2AL.LINK, KeyCode.DIGIT8, null, null),
    SETTINGS("area.settings", Material2MZ.SETTINGS, KeyCode.DIGIT9, null, null);

    private final String titleKey;
    private final Ikon icon;
    private final KeyCode digit;
    private final String holdsKey;
    private final String configureKey;

    Area(String titleKey, Ikon icon, KeyCode digit, String holdsKey, String configureKey) {
        this.titleKey = titleKey;
        this.icon = icon;
        this.digit = digit;
        this.holdsKey = holdsKey;
        this.configureKey = configureKey;
    }

    public String titleKey() {
        return titleKey;
    }

    public Ikon icon() {
        return icon;
    }

    /** Ctrl (Cmd on macOS) with the area's digit. */
    public KeyCombination shortcut() {
        return new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN);
    }

    /** Whether a later issue fills this area; until then it shows an empty state. */
    public boolean awaitsData() {
        return holdsKey != null;
    }

    /** Bundle key: what the area will hold once it is filled. */
    public String holdsKey() {
        return holdsKey;
    }

    /** Bundle key: what to configure for it. */
    public String configureKey() {
        return configureKey;
    }

    /** Whether a connection is what this area waits for, so its empty state offers the Connections area. */
    public boolean waitsForConnection() {
        return awaitsData() && this != MATURITY_AUDIT;
    }

    /** The area with this name, or the first area for an unknown or missing name. */
    public static Area fromName(String name) {
        for (Area area : values()) {
            if (area.name().equals(name)) {
                return area;
            }
        }
        return REVIEW_DESK;
    }
}
