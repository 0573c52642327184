package io.gatehouse.views.keys;

import io.gatehouse.data.keys.token.KeyFinding;
import io.gatehouse.data.keys.token.KeyObject;
import java.util.List;
import java.util.Objects;

/** One object of the token's inventory with the findings about it (often none). */
public record InventoryRow(KeyObject key, List<KeyFinding> findings) {
    public InventoryRow {
        Objects.requireNonNull(key, "key");
        findings = List.copyOf(findings);
    }

    public boolean flagged() {
        return !findings.isEmpty();
    }
}
