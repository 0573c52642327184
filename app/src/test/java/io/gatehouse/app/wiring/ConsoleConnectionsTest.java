package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.connectors.health.HttpHealthProbe;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.connections.CheckOutcome;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.connections.Transport;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.testing.ManualClock;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's connections from a real configuration file: a Case API on a private CA with a pinned
 * key, tested through the area's port and checked in the background with the same trust.
 */
class ConsoleConnectionsTest {
    @TempDir
    Path tmp;

    @Test
    void aPrivateCaAndAPinFromTheConfigurationReachTheTestAndTheHealthCheck() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Private CA").build();
        HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost").build();
        try (MockWebServer web = new MockWebServer()) {
            web.useHttps(new HandshakeCertificates.Builder().heldCertificate(server, ca.certificate()).build()
                    .sslSocketFactory(), false);
            for (int i = 0; i < 4; i++) {
                web.enqueue(new MockResponse().setBody("{\"data\":[]}"));
            }
            web.start();
            Files.createDirectories(tmp.resolve("config"));
            Files.writeString(tmp.resolve("config/private-ca.pem"), ca.certificatePem());
            String pin = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(server.keyPair().getPublic().getEncoded()));
            Path config = tmp.resolve("config/config.yaml");
            Files.writeString(config, """
                    operator: alice
                    operators:
                      - {id: alice, name: Alice, roles: [lead]}
                    profile: production
                    profiles:
                      production:
                        caseApi:
                          url: https://localhost:%d/v1
                          apiKeySecret: case-api-key
                          caBundle: private-ca.pem
                          pins: ["sha256/%s"]
                    review: {source: caseApi}
                    """.formatted(web.getPort(), pin));
            ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
            try (Composition composition = Composition.open(new AppDirectories(config, tmp.resolve("data")), clock)) {
                ConsoleConnections connections = new ConsoleConnections(composition, null, clock);
                ConnectionEntry caseApi = connections.entries().getFirst();
                assertThat(caseApi.transport()).isEqualTo(Transport.TLS_PINNED);
                assertThat(connections.test(caseApi).outcome()).isEqualTo(CheckOutcome.OK);
                assertThat(web.takeRequest().getPath()).isEqualTo("/v1/cases?limit=1");

                HttpHealthProbe withTrust = new HttpHealthProbe("Fraud queue", ConnectionKind.FRAUD_QUEUE,
                        ConsoleRuntime.caseListUrl(caseApi.url()),
                        connections.healthClient("caseApi", HttpHealthProbe.defaultClient()).client(), clock,
                        Duration.ofSeconds(1));
                assertThat(withTrust.check().state()).isEqualTo(HealthState.UP);
                HttpHealthProbe plain = new HttpHealthProbe("Fraud queue", ConnectionKind.FRAUD_QUEUE,
                        ConsoleRuntime.caseListUrl(caseApi.url()), HttpHealthProbe.defaultClient(), clock,
                        Duration.ofSeconds(1));
                assertThat(plain.check().state()).as("the system store alone does not know the private CA")
                        .isEqualTo(HealthState.DOWN);
            }
        }
    }

    @Test
    void aServerThatDemandsAClientCertificateIsCheckedWithTheConnectionsOwnCertificate() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Private CA").build();
        HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost").build();
        HeldCertificate client = new HeldCertificate.Builder().signedBy(ca).commonName("gatehouse-console").build();
        try (MockWebServer web = new MockWebServer()) {
            web.useHttps(new HandshakeCertificates.Builder().heldCertificate(server, ca.certificate())
                    .addTrustedCertificate(ca.certificate()).build().sslSocketFactory(), false);
            web.requireClientAuth();
            for (int i = 0; i < 4; i++) {
                web.enqueue(new MockResponse().setBody("{\"data\":[]}"));
            }
            web.start();
            Files.createDirectories(tmp.resolve("config"));
            Files.writeString(tmp.resolve("config/private-ca.pem"), ca.certificatePem());
            char[] password = "p12 password for the test".toCharArray();
            java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            p12.setKeyEntry("client", client.keyPair().getPrivate(), password,
                    new java.security.cert.Certificate[] {client.certificate(), ca.certificate()});
            try (var out = Files.newOutputStream(tmp.resolve("config/client.p12"))) {
                p12.store(out, password);
            }
            Path config = tmp.resolve("config/config.yaml");
            Files.writeString(config, """
                    operator: alice
                    operators:
                      - {id: alice, name: Alice, roles: [lead]}
                    profile: production
                    profiles:
                      production:
                        caseApi:
                          url: https://localhost:%d/v1
                          caBundle: private-ca.pem
                          clientCertificate: {pkcs12: client.p12, passwordSecret: client-p12}
                        prometheus:
                          url: https://localhost:%d
                          caBundle: private-ca.pem
                          clientCertificate: {token: ops-card, key: prometheus-client, module: /usr/lib/softhsm/libsofthsm2.so}
                    review: {source: caseApi}
                    """.formatted(web.getPort(), web.getPort()));
            ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
            try (Composition composition = Composition.open(new AppDirectories(config, tmp.resolve("data")), clock)) {
                ConsoleConnections connections = new ConsoleConnections(composition, null, clock);
                ConnectionHealthProbe caseApi = new ConnectionHealthProbe("Fraud queue", ConnectionKind.FRAUD_QUEUE,
                        "caseApi", URI.create("https://localhost:" + web.getPort() + "/v1/cases?limit=1"), connections,
                        HttpHealthProbe.defaultClient(), clock, Duration.ofSeconds(1));

                var locked = caseApi.check();
                assertThat(locked.state()).as("the store with the PKCS#12 password is locked").isEqualTo(HealthState.UNKNOWN);
                assertThat(locked.detail()).startsWith("Not checked:").contains("client-p12");
                assertThat(web.getRequestCount()).isZero();

                composition.secrets().unlock("a long test passphrase".toCharArray()).put("client-p12", password.clone());
                assertThat(caseApi.check().state()).isEqualTo(HealthState.UP);
                var request = web.takeRequest();
                assertThat(request.getPath()).isEqualTo("/v1/cases?limit=1");
                assertThat(request.getHandshake().peerPrincipal().getName()).contains("gatehouse-console");

                HandshakeCertificates trustOnly = new HandshakeCertificates.Builder()
                        .addTrustedCertificate(ca.certificate()).build();
                HttpHealthProbe withoutCertificate = new HttpHealthProbe("Fraud queue", ConnectionKind.FRAUD_QUEUE,
                        URI.create("https://localhost:" + web.getPort() + "/v1/cases?limit=1"),
                        HttpHealthProbe.defaultClient().newBuilder().sslSocketFactory(trustOnly.sslSocketFactory(),
                                trustOnly.trustManager()).build(), clock, Duration.ofSeconds(1));
                assertThat(withoutCertificate.check().state()).as("trusting the server but presenting no certificate")
                        .isEqualTo(HealthState.DOWN);

                // a key on a token: the background check never asks for its PIN, it says what it waits for
                ConnectionHealthProbe telemetry = new ConnectionHealthProbe("Telemetry", ConnectionKind.TELEMETRY,
                        "prometheus", URI.create("https://localhost:" + web.getPort() + "/-/healthy"), connections,
                        HttpHealthProbe.defaultClient(), clock, Duration.ofSeconds(1));
                var waiting = telemetry.check();
                assertThat(waiting.state()).isEqualTo(HealthState.UNKNOWN);
                assertThat(waiting.detail()).contains("Waiting for the PIN of token 'ops-card'").contains("Test it");
            }
        }
    }
}
