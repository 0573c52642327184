package io.gatehouse.views.testing;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.config.ClientCertificate;
import io.gatehouse.data.config.TransportSecurity;
import io.gatehouse.data.connections.CheckOutcome;
import io.gatehouse.data.connections.ConnectionCheck;
import io.gatehouse.data.connections.ConnectionEdit;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.connections.SecretState;
import io.gatehouse.data.connections.Transport;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.views.connections.ConnectionsPort;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Three connections as a real profile would have them: telemetry over plain HTTP on loopback, the
 * Case API over TLS with a pinned key and a CA bundle, Stripe over mutual TLS with a token key.
 * Tests script the outcome of the next test and the refusal of the next edit.
 */
public final class InMemoryConnections implements ConnectionsPort {
    public static final String PIN = "sha256/" + "q5Dp3pBkCkXgXr1aNYQ0kAjLcGS5R1vJc8N1bS8FEtQ=".substring(0, 43) + "=";

    private final List<ConnectionEntry> entries = new ArrayList<>();
    public final Map<String, char[]> rotatedValues = new HashMap<>();
    public final List<String> rotatedCopies = new ArrayList<>();
    public final List<ConnectionEdit> edits = new ArrayList<>();
    public CheckOutcome nextOutcome = CheckOutcome.OK;
    public String refuseNextEdit;

    public InMemoryConnections() {
        entries.add(entry("prometheus", ConnectionKind.TELEMETRY, "http://127.0.0.1:9090", TransportSecurity.none(), null,
                SecretState.NONE));
        entries.add(entry("caseApi", ConnectionKind.FRAUD_QUEUE, "https://cases.example.com/v1",
                new TransportSecurity("/etc/gatehouse/cases-ca.pem", List.of(PIN), null), "case-api-key", SecretState.STORED));
        entries.add(entry("stripe", ConnectionKind.FRAUD_QUEUE, "https://api.stripe.com",
                new TransportSecurity(null, List.of(), ClientCertificate.onToken("ops-card", "stripe-client",
                        "/usr/lib/softhsm/libsofthsm2.so")), "stripe-key", SecretState.MISSING).monitored(false));
    }

    private static ConnectionEntry entry(String name, ConnectionKind kind, String url, TransportSecurity security,
            String secret, SecretState state) {
        URI uri = URI.create(url);
        return new ConnectionEntry(name, kind, uri, Transport.of(uri, security), security, secret, state, true);
    }

    @Override
    public synchronized List<ConnectionEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public ConnectionCheck test(ConnectionEntry connection) {
        String detail = nextOutcome == CheckOutcome.CLIENT_KEY_UNAVAILABLE ? "The PIN of token 'ops-card' is wrong." : "";
        return new ConnectionCheck(connection.name(), nextOutcome, nextOutcome == CheckOutcome.OK ? 200 : 0,
                Instant.parse("2026-11-25T18:00:00Z"), detail);
    }

    @Override
    public synchronized void rotateSecret(String connection, String secretName, char[] value) {
        try {
            rotatedCopies.add(secretName);
            rotatedValues.put(secretName, value);
            entries.replaceAll(e -> secretName.equals(e.secretName()) ? e.withSecretState(SecretState.STORED) : e);
            // what a real store keeps is its own copy; the caller's array is wiped here as the service does
            rotatedValues.put(secretName + ".copy", value.clone());
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    @Override
    public synchronized void edit(String connection, ConnectionEdit edit) {
        if (refuseNextEdit != null) {
            String problem = refuseNextEdit;
            refuseNextEdit = null;
            throw new GatehouseException(FailureKind.CONFIGURATION, problem);
        }
        edits.add(edit);
        entries.replaceAll(e -> {
            if (!e.name().equals(connection)) {
                return e;
            }
            TransportSecurity security = new TransportSecurity(edit.caBundle(), edit.pins(),
                    e.security().clientCertificate());
            return new ConnectionEntry(e.name(), e.kind(), edit.url(), Transport.of(edit.url(), security), security,
                    e.secretName(), e.secretState(), e.monitored());
        });
    }
}
