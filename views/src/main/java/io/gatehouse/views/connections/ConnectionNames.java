package io.gatehouse.views.connections;

import io.gatehouse.data.health.ConnectionKind;

/** Bundle keys for connection kinds. */
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
}
