package io.gatehouse.data.maturity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The four dimensions of the Resilience Maturity Scale. */
public enum Dimension {
    ARCHITECTURE, EXECUTION, MEASUREMENT, CULTURE;

    /** The name used in assessment files: lowercase. */
    @JsonValue
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimension with this file name; anything else is refused with the list of known names. */
    @JsonCreator
    public static Dimension fromFileName(String name) {
        for (Dimension d : values()) {
            if (d.fileName().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dimension '" + name
                + "'; use architecture, execution, measurement or culture");
    }
}
