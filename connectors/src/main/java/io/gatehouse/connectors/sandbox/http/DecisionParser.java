package io.gatehouse.connectors.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.sandbox.cases.Decision;
import io.gatehouse.connectors.sandbox.cases.DecisionAction;
import io.gatehouse.connectors.sandbox.cases.DecisionRequest;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a decision request body strictly: known actions, required reason and analyst, bounded lists. */
final class DecisionParser {
    private static final Set<String> ALLOWLIST_TYPES = Set.of("customer", "card_fingerprint", "email", "device");
    private static final Set<String> CHANNELS = Set.of("email", "sms");
    private static final int MAX_ALLOWLIST = 20;

    private DecisionParser() {
    }

    static DecisionRequest parse(JsonNode body) {
        String actionName = Fields.requiredText(body, "action");
        DecisionAction action = DecisionAction.fromWireName(actionName).orElseThrow(() ->
                ApiProblem.invalid("unknown action '" + actionName
                        + "'; use approve, decline, reverse_decline, hold, escalate or undo"));
        String reason = Fields.requiredText(body, "reason");
        String analyst = Fields.requiredText(body, "analyst");
        List<Decision.AllowlistEntry> allowlist = new ArrayList<>();
        JsonNode list = body.get("allowlist");
        if (list != null && !list.isNull()) {
            if (!list.isArray() || list.size() > MAX_ALLOWLIST) {
                throw ApiProblem.invalid("'allowlist' must be an array of at most " + MAX_ALLOWLIST + " entries");
            }
            for (JsonNode entry : list) {
                if (!entry.isObject()) {
                    throw ApiProblem.invalid("each allowlist entry must be an object");
                }
                String type = Fields.requiredText(entry, "type");
                if (!ALLOWLIST_TYPES.contains(type)) {
                    throw ApiProblem.invalid("allowlist type must be one of " + ALLOWLIST_TYPES);
                }
                allowlist.add(new Decision.AllowlistEntry(type, Fields.requiredText(entry, "value")));
            }
        }
        Decision.CustomerNotification notification = null;
        JsonNode notify = body.get("notify_customer");
        if (notify != null && !notify.isNull()) {
            if (!notify.isObject()) {
                throw ApiProblem.invalid("'notify_customer' must be an object");
            }
            String channel = Fields.requiredText(notify, "channel");
            if (!CHANNELS.contains(channel)) {
                throw ApiProblem.invalid("notify_customer.channel must be email or sms");
            }
            notification = new Decision.CustomerNotification(channel, Fields.optionalText(notify, "message"));
        }
        return new DecisionRequest(action, reason, analyst, List.copyOf(allowlist), notification);
    }
}
