package io.gatehouse.connectors.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.http.UpstreamResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Stripe's error envelope, {@code {"error":{"type","code","message","param","decline_code"}}},
 * turned into a {@link StripeApiException} with a sentence the user can act on.
 */
record StripeError(String type, String code, String message, String param, String declineCode) {
    private static final int MAX_SHOWN = 300;
    // Stripe echoes (part of) a bad key in its 401 message; nothing shaped like a key is ever shown
    private static final Pattern KEY_LIKE = Pattern.compile("(?i)\\b(sk|rk|pk|whsec)_[A-Za-z0-9_*]+");

    /** The envelope in an error answer, or null when the body is not one. */
    static StripeError of(UpstreamResponse response) {
        JsonNode body;
        try {
            body = StripeJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            return null;
        }
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject() || !error.path("type").isTextual()) {
            return null;
        }
        return new StripeError(text(error, "type"), text(error, "code"), text(error, "message"), text(error, "param"),
                text(error, "decline_code"));
    }

    private static String text(JsonNode error, String field) {
        JsonNode value = error.get(field);
        return value != null && value.isTextual() ? shown(value.textValue()) : null;
    }

    static String shown(String text) {
        String clean = KEY_LIKE.matcher(text).replaceAll("[key withheld]").replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MAX_SHOWN ? clean.substring(0, MAX_SHOWN) + "…" : clean;
    }

    /** The refusal as an exception whose message says what happened and what to do. */
    StripeApiException toException(UpstreamResponse response, String keyName) {
        int status = response.status();
        String where = "Stripe (" + response.requestLine() + ")";
        String detail = detail();
        String said = message == null ? "" : ": " + message;
        String sentence = switch (status) {
            case 401 -> where + " refused the API key (HTTP 401). Check that the secret '" + keyName
                    + "' holds a live secret or restricted key for this account, or rotate it.";
            case 403 -> where + " accepted the key but it may not do this (HTTP 403" + detail + ")" + said
                    + ". Give the restricted key write access to Radar, refunds and PaymentIntents.";
            case 402 -> where + " could not complete the payment operation (HTTP 402" + detail + ")" + said
                    + ". Look at the payment in the Stripe dashboard.";
            case 404 -> where + " has no such object (HTTP 404" + detail + ")" + said
                    + ". The review may be gone or belong to another account; refresh the queue.";
            case 409 -> where + " is still working on an earlier request with the same idempotency key (HTTP 409"
                    + detail + ")" + said + ". It is retried with the same key, so it takes effect once.";
            case 429 -> where + " is rate limiting the console (HTTP 429" + detail + ")" + said
                    + ". Try again shortly; queued decisions are retried on their own.";
            default -> {
                if ("idempotency_error".equals(type)) {
                    yield where + " refused the idempotency key (HTTP " + status + detail + ")" + said
                            + ". This decision was sent before with different details and was not applied twice;"
                            + " check the payment in the Stripe dashboard.";
                }
                if (status >= 500) {
                    yield where + " is failing (HTTP " + status + detail + ")" + said
                            + ". Check status.stripe.com; queued decisions are kept and retried on their own.";
                }
                yield where + " refused the request (HTTP " + status + detail + ")" + said + ".";
            }
        };
        return new StripeApiException(status, this, sentence, response.retryAfter());
    }

    private String detail() {
        StringBuilder out = new StringBuilder();
        out.append(", ").append(type);
        if (code != null) {
            out.append('/').append(code);
        }
        if (declineCode != null) {
            out.append(", decline code ").append(declineCode);
        }
        if (param != null) {
            out.append(", parameter ").append(param);
        }
        return out.toString();
    }
}
