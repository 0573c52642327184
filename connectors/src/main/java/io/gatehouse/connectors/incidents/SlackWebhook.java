package io.gatehouse.connectors.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.AlertSeverity;
import io.gatehouse.data.incidents.AlertWebhook;
import io.gatehouse.data.incidents.WebhookOutcome;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Posts new alerts to an incoming webhook in Slack's format: a {@code text} for notifications and
 * clients without blocks, and {@code blocks} with the facts and the first remediation steps. The
 * URL carries the webhook's credential, so it is never written to a message, a log or an outcome:
 * failures are described by their kind and status only. Retrying is the notification queue's job,
 * so the client is expected to make one attempt.
 */
public final class SlackWebhook implements AlertWebhook {
    static final long MAX_ANSWER_BYTES = 16 * 1024;
    private static final int STEPS_SHOWN = 3;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final UpstreamClient client;
    private final URI url;
    private final ObjectMapper mapper = new ObjectMapper();

    public SlackWebhook(UpstreamClient client, URI url) {
        this.client = Objects.requireNonNull(client, "client");
        this.url = Objects.requireNonNull(url, "url");
    }

    @Override
    public WebhookOutcome post(Alert alert, List<String> remediation) {
        Request request = new Request.Builder().url(url.toString())
                .post(RequestBody.create(payload(alert, remediation), JSON)).build();
        UpstreamResponse response;
        try {
            response = client.execute(request, MAX_ANSWER_BYTES);
        } catch (UpstreamException e) {
            if (e.reason() == UpstreamException.Reason.INSECURE_URL) {
                return new WebhookOutcome.Refused("the webhook URL must use https (plain http only to this machine)");
            }
            return new WebhookOutcome.Retry(null, "the webhook could not be reached (" + e.reason().name()
                    .toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        int status = response.status();
        if (response.successful()) {
            return new WebhookOutcome.Delivered();
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new WebhookOutcome.Retry(response.retryAfter(), "the webhook answered HTTP " + status);
        }
        return new WebhookOutcome.Refused("the webhook refused the alert with HTTP " + status
                + (status == 404 || status == 403 || status == 410 ? "; check the webhook URL secret" : ""));
    }

    /** The JSON body: Slack-compatible, and plain enough for Mattermost or a custom receiver. */
    String payload(Alert alert, List<String> remediation) {
        String type = title(alert.type().wireName());
        String headline = String.format(Locale.ROOT, "%s %s in %s since %s (confidence %.0f%%)",
                AlertSeverity.of(alert).name(), type, alert.region(), alert.since(), alert.confidence() * 100);
        ObjectNode root = mapper.createObjectNode();
        root.put("text", headline);
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        header.putObject("text").put("type", "plain_text").put("text", type + " in " + alert.region());
        ObjectNode facts = blocks.addObject().put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        field(fields, "*Seen*\n" + alert.signal().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + String.format(Locale.ROOT, ": %.3g where %.3g is usual", alert.observed(), alert.expected()));
        field(fields, "*Since*\n" + alert.since());
        field(fields, "*Severity*\n" + AlertSeverity.of(alert).name().toLowerCase(Locale.ROOT));
        field(fields, String.format(Locale.ROOT, "*Confidence*\n%.0f%%", alert.confidence() * 100));
        if (!remediation.isEmpty()) {
            StringBuilder steps = new StringBuilder("*What to do*");
            remediation.stream().limit(STEPS_SHOWN).forEach(s -> steps.append('\n').append(s));
            blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", steps.toString());
        }
        blocks.addObject().put("type", "context").putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "Gatehouse alert " + alert.id());
        return root.toString();
    }

    private static void field(ArrayNode fields, String text) {
        fields.addObject().put("type", "mrkdwn").put("text", text);
    }

    private static String title(String wireName) {
        String words = wireName.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
