package io.gatehouse.data.maturity;

import io.gatehouse.data.defense.ItemStatus;

/** A checklist item whose status changed between two assessments. */
public record AuditChange(String item, String title, ItemStatus before, ItemStatus after) {
}
