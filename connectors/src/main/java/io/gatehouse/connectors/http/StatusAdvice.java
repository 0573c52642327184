package io.gatehouse.connectors.http;

import io.gatehouse.connectors.http.UpstreamException.Reason;

/** Turns an HTTP status from a named connection into a failure a user can act on. */
final class StatusAdvice {
    private StatusAdvice() {
    }

    static UpstreamException of(String connection, int status, String requestLine) {
        String where = connection + " (" + requestLine + ")";
        return switch (status) {
            case 400, 422 -> new UpstreamException(Reason.REJECTED, status, where + " refused the request as invalid (HTTP "
                    + status + "). The console and the upstream disagree on the API; check the upstream's version.", null);
            case 401 -> new UpstreamException(Reason.UNAUTHORIZED, status, where + " refused the credentials (HTTP 401)."
                    + " Check or rotate the API key under Connections.", null);
            case 403 -> new UpstreamException(Reason.FORBIDDEN, status, where + " accepted the credentials but denied the"
                    + " action (HTTP 403). Give the key the permission it needs upstream.", null);
            case 404 -> new UpstreamException(Reason.NOT_FOUND, status, where + " has no such resource (HTTP 404). It may"
                    + " have been deleted upstream; refresh the view.", null);
            case 409 -> new UpstreamException(Reason.CONFLICT, status, where + " reports a conflict (HTTP 409): someone"
                    + " else changed it first. Refresh and review what stands now.", null);
            case 413 -> new UpstreamException(Reason.TOO_LARGE, status, where + " refused the request as too large (HTTP 413).",
                    null);
            case 429 -> new UpstreamException(Reason.RATE_LIMITED, status, where + " is rate limiting the console (HTTP 429)"
                    + " and kept doing so through the retries. Try again later, or raise the limit upstream.", null);
            default -> status >= 500
                    ? new UpstreamException(Reason.SERVER_ERROR, status, where + " is failing (HTTP " + status + ") and"
                            + " kept failing through the retries. Check the upstream's status; work queued locally is kept.", null)
                    : new UpstreamException(Reason.UNEXPECTED_STATUS, status, where + " answered with an unexpected HTTP "
                            + status + ".", null);
        };
    }
}
