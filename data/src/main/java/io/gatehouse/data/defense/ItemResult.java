package io.gatehouse.data.defense;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatehouse.data.evidence.Measurement;
import io.gatehouse.data.maturity.Ids;
import java.util.Objects;

/**
 * The answer to one checklist item.
 *
 * @param measurement the automatic evidence that decided it, or null when a person did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemResult(String item, ItemStatus status, String note, Measurement measurement) {
    public ItemResult {
        Ids.check(item, "audit item");
        Objects.requireNonNull(status, "status");
        note = note == null ? "" : note;
    }

    public static ItemResult open(String item) {
        return new ItemResult(item, ItemStatus.OPEN, "", null);
    }

    /** The result an automatic measurement gives: pass only when everything measured holds. */
    public static ItemResult measured(String item, Measurement m) {
        return new ItemResult(item, m.passed() ? ItemStatus.PASS : ItemStatus.FAIL, "", m);
    }
}
