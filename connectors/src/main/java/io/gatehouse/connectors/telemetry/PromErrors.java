package io.gatehouse.connectors.telemetry;

import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.connectors.http.UpstreamException.Reason;

/** Turns a Prometheus error envelope into a failure that says what went wrong and what to do. */
final class PromErrors {
    private PromErrors() {
    }

    static UpstreamException of(String connection, int status, PromEnvelopeParser.ErrorEnvelope error) {
        String said = " Prometheus said: " + error.errorType() + ": " + PromEnvelopeParser.shorten(error.error());
        return switch (status) {
            case 400 -> new UpstreamException(Reason.REJECTED, status, connection + " refused the query as invalid (HTTP 400)."
                    + " Check the KPI's PromQL in the configuration." + said, null);
            case 422 -> new UpstreamException(Reason.REJECTED, status, connection + " could not evaluate the query (HTTP 422),"
                    + " often because it touches too many series or samples. Narrow the time range or the expression."
                    + said, null);
            case 503 -> new UpstreamException(Reason.SERVER_ERROR, status, connection + " is unavailable or timed out the"
                    + " query (HTTP 503). The data is shown as stale until it answers again." + said, null);
            default -> new UpstreamException(status >= 500 ? Reason.SERVER_ERROR : Reason.UNEXPECTED_STATUS, status,
                    connection + " answered the query with an error (HTTP " + status + ")." + said, null);
        };
    }
}
