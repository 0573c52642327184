package io.gatehouse.data.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of a decision as it waits in the outbox or in a four-eyes request: the Case API's
 * decision request body, so what was audited is byte for byte what is sent.
 */
public final class DecisionPayload {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private DecisionPayload() {
    }

    public static String write(DecisionRequest request) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("action", request.action().value());
        root.put("reason", request.reason());
        root.put("analyst", request.analyst());
        if (!request.allowlist().isEmpty()) {
            ArrayNode list = root.putArray("allowlist");
            for (AllowlistEntry entry : request.allowlist()) {
                list.addObject().put("type", entry.type()).put("value", entry.value());
            }
        }
        if (request.notification() != null) {
            ObjectNode notify = root.putObject("notify_customer");
            notify.put("channel", request.notification().channel());
            if (request.notification().message() != null) {
                notify.put("message", request.notification().message());
            }
        }
        return root.toString();
    }

    /** Reads a payload written by {@link #write}; anything else is an {@link IllegalArgumentException}. */
    public static DecisionRequest read(String json) {
        JsonNode root;
        try {
            root = json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the decision payload is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the decision payload is not a JSON object");
        }
        List<AllowlistEntry> allowlist = new ArrayList<>();
        for (JsonNode entry : root.path("allowlist")) {
            allowlist.add(new AllowlistEntry(text(entry, "type"), text(entry, "value")));
        }
        JsonNode notify = root.get("notify_customer");
        CustomerNotification notification = notify == null || notify.isNull() ? null
                : new CustomerNotification(text(notify, "channel"), notify.hasNonNull("message") ? notify.get("message").asText() : null);
        return new DecisionRequest(new DecisionAction(text(root, "action")), text(root, "reason"), text(root, "analyst"),
                allowlist, notification);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the decision payload has no text '" + field + "'");
        }
        return value.asText();
    }
}
