package io.gatehouse.connectors.caseapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamResponse;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.review.DecisionDelivery;
import io.gatehouse.data.review.DecisionPayload;
import io.gatehouse.data.review.DeliveryOutcome;
import io.gatehouse.data.review.OutboxEntry;
import java.net.URI;

/**
 * Delivers outbox decisions to the Case API with their idempotency key, and classifies the
 * answer: confirmed, a conflict to show the analyst, a permanent failure, or a retry later.
 * Nothing here throws: the outbox keeps the decision whatever happens on the wire.
 */
public final class CaseApiDelivery implements DecisionDelivery {
    private final CaseApiCalls calls;

    /** {@code upstream} should make few attempts itself: the outbox owns the long backoff. */
    public CaseApiDelivery(UpstreamClient upstream, URI baseUrl, ApiKey key) {
        this.calls = new CaseApiCalls(upstream, baseUrl, key);
    }

    @Override
    public DeliveryOutcome deliver(OutboxEntry entry) {
        try {
            DecisionPayload.read(entry.payloadJson());
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Failed("the stored decision cannot be read: " + e.getMessage());
        }
        UpstreamResponse response;
        try {
            // the stored payload is sent byte for byte, so a resend is the same request to the upstream's ledger
            response = calls.post(calls.url("v1", "cases", entry.caseId(), "decisions").build(), entry.payloadJson(),
                    BodyLimits.DECISION, entry.idempotencyKey());
        } catch (UpstreamException e) {
            return new DeliveryOutcome.Retry(e.retryAfter(), e.getMessage());
        } catch (GatehouseException e) {
            // a locked secret store or a missing key: keep the decision and try again once it is fixed
            return new DeliveryOutcome.Retry(null, e.getMessage());
        }
        return classify(response);
    }

    private static DeliveryOutcome classify(UpstreamResponse response) {
        int status = response.status();
        if (response.successful()) {
            return new DeliveryOutcome.Confirmed(response.bodyText());
        }
        Problem problem = Problem.of(response);
        String why = "HTTP " + status + (problem == null ? "" : " " + problem.slug() + ": " + problem.explanation());
        if (status == 409) {
            JsonNode standing = problem == null ? null : problem.body().get("decision");
            return new DeliveryOutcome.Conflict(standing != null && standing.isObject() ? standing.toString() : null,
                    why);
        }
        if (status == 429 || status >= 500) {
            return new DeliveryOutcome.Retry(response.retryAfter(), why);
        }
        if (status == 401 || status == 403) {
            // a refused key is fixed by rotating it, after which the decision must still go out
            return new DeliveryOutcome.Retry(null, why + " (check the Case API key)");
        }
        return new DeliveryOutcome.Failed(why);
    }
}
