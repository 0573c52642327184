package io.gatehouse.data.defense;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a checklist item stands; an item nobody has looked at yet is open, and counts as a gap. */
public enum ItemStatus {
    PASS, FAIL, OPEN;

    @JsonValue
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ItemStatus fromFileName(String name) {
        for (ItemStatus s : values()) {
            if (s.fileName().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown audit status '" + name + "'; use pass, fail or open");
    }
}
