package io.gatehouse.data.defense;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The eight areas of the Architect's Defensive Audit checklist, in checklist order. */
public enum DefenseArea {
    BOUNDARY_DESIGN,
    API_SCHEMA_DISCIPLINE,
    TOKEN_MANAGEMENT,
    IDENTITY_FEDERATION,
    OBSERVABILITY,
    INCIDENT_RESPONSE,
    VENDOR_RISK,
    DATA_GOVERNANCE;

    /** The name used in files: lowercase with dashes. */
    @JsonValue
    public String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static DefenseArea fromFileName(String name) {
        for (DefenseArea a : values()) {
            if (a.fileName().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown audit area '" + name + "'");
    }
}
