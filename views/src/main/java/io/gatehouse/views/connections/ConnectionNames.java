package io.gatehouse.views.connections;

import io.gatehouse.data.connections.CheckOutcome;
import io.gatehouse.data.connections.SecretState;
import io.gatehouse.data.connections.Transport;
import io.gatehouse.data.health.ConnectionKind;

/** Bundle keys for connection kinds, transports, secret states and test outcomes. */
public final class ConnectionNames {
    private ConnectionNames() {
    }

    public static String kindKey(ConnectionKind kind) {
        return switch (kind) {
            case SANDBOX -> "connection.kind.sandbox";
            case TELEMETRY -> "connection.kind.telemetry";
            case FRAUD_QUEUE -> "connection.kind.fraudQueue";
            case TOKEN -> "connection.kind.token";
            case SECURITY_EVENTS -> "connection.kind.securityEvents";
        };
    }

    public static String transportKey(Transport transport) {
        return switch (transport) {
            case INSECURE_LOOPBACK -> "connections.transport.insecure";
            case TLS -> "connections.transport.tls";
            case TLS_PINNED -> "connections.transport.pinned";
            case MTLS_TOKEN -> "connections.transport.mtlsToken";
            case MTLS_PKCS12 -> "connections.transport.mtlsPkcs12";
        };
    }

    /** The tooltip that says why a weaker transport is weaker, or null for the others. */
    public static String transportTipKey(Transport transport) {
        return switch (transport) {
            case INSECURE_LOOPBACK -> "connections.transport.insecure.tip";
            case MTLS_PKCS12 -> "connections.transport.mtlsPkcs12.tip";
            default -> null;
        };
    }

    /** The style class of a transport badge: warning for the weaker ones. */
    public static String transportStyle(Transport transport) {
        return switch (transport) {
            case INSECURE_LOOPBACK -> "transport-insecure";
            case MTLS_PKCS12 -> "transport-weaker";
            case TLS -> "transport-tls";
            case TLS_PINNED, MTLS_TOKEN -> "transport-strong";
        };
    }

    public static String secretKey(SecretState state) {
        return switch (state) {
            case NONE -> "connections.secret.none";
            case STORED -> "connections.secret.stored";
            case MISSING -> "connections.secret.missing";
            case LOCKED -> "connections.secret.locked";
        };
    }

    /** The sentence for a test's outcome; {0} is the connection, {1} the host, {2} the HTTP status. */
    public static String outcomeKey(CheckOutcome outcome) {
        return switch (outcome) {
            case OK -> "connections.check.ok";
            case CERTIFICATE_EXPIRED -> "connections.check.expired";
            case CERTIFICATE_NOT_YET_VALID -> "connections.check.notYetValid";
            case WRONG_HOST -> "connections.check.wrongHost";
            case UNKNOWN_AUTHORITY -> "connections.check.unknownAuthority";
            case PIN_MISMATCH -> "connections.check.pinMismatch";
            case CLIENT_CERTIFICATE_REQUIRED -> "connections.check.clientCertificateRequired";
            case CLIENT_KEY_UNAVAILABLE -> "connections.check.clientKeyUnavailable";
            case TLS_FAILED -> "connections.check.tlsFailed";
            case UNREACHABLE -> "connections.check.unreachable";
            case TIMED_OUT -> "connections.check.timedOut";
            case HTTP_ERROR -> "connections.check.httpError";
        };
    }
}
