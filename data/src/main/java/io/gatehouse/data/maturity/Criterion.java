package io.gatehouse.data.maturity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One statement an assessment answers for a dimension at a level.
 *
 * @param check the automatic evidence check that answers it, or null when a person answers it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Criterion(String id, Dimension dimension, int level, String text, String check) {
    public Criterion {
        Ids.check(id, "criterion");
        Objects.requireNonNull(dimension, "dimension");
        MaturityLevel.of(level);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("criterion " + id + " has no text");
        }
        check = check == null || check.isBlank() ? null : check;
    }

    public boolean automatic() {
        return check != null;
    }
}
