package io.gatehouse.data.defense;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatehouse.data.maturity.Ids;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One checklist item: what must hold to pass, how to fix it when it does not, who owns it, by when,
 * and how much risk it removes (impact 1 = little, 5 = most).
 *
 * @param check the automatic evidence check that decides it, or null when a person decides it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditItem(String id, DefenseArea area, String title, String passCriterion, List<String> remediation,
        String owner, LocalDate due, int impact, String check) {
    public static final int MIN_IMPACT = 1;
    public static final int MAX_IMPACT = 5;

    public AuditItem {
        Ids.check(id, "audit item");
        Objects.requireNonNull(area, "area");
        if (title == null || title.isBlank() || passCriterion == null || passCriterion.isBlank()) {
            throw new IllegalArgumentException("audit item " + id + " needs a title and a pass criterion");
        }
        remediation = remediation == null ? List.of() : List.copyOf(remediation);
        owner = owner == null ? "" : owner;
        if (impact < MIN_IMPACT || impact > MAX_IMPACT) {
            throw new IllegalArgumentException("audit item " + id + " has impact " + impact + "; use 1 to 5");
        }
        check = check == null || check.isBlank() ? null : check;
    }

    public boolean automatic() {
        return check != null;
    }
}
