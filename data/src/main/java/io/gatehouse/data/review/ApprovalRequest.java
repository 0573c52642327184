package io.gatehouse.data.review;

/** What a maker files for four-eyes approval; {@code payloadJson} is a JSON object or null. */
public record ApprovalRequest(String kind, String caseId, String summary, String payloadJson, String maker) {
}
