package io.gatehouse.data.defense;

/** One step on the path to risk reduction: a failing or open item with its result. */
public record RiskStep(int order, AuditItem item, ItemResult result) {
}
