package io.gatehouse.connectors.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.config.ClientCertificate;
import io.gatehouse.data.config.TransportSecurity;
import io.gatehouse.data.connections.CheckOutcome;
import io.gatehouse.data.connections.ConnectionCheck;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.connections.SecretState;
import io.gatehouse.data.connections.Transport;
import io.gatehouse.data.health.ConnectionKind;
import io.gatehouse.data.secrets.KdfParameters;
import io.gatehouse.data.secrets.PassphraseSecretStore;
import io.gatehouse.data.secrets.SecretStore;
import io.gatehouse.data.testing.ManualClock;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection tested as the Connections area tests it, against real TLS servers on loopback: each
 * failure comes out as its own outcome, which the area turns into its own sentence.
 */
class HttpConnectionTesterTest {
    @TempDir
    Path tmp;

    private final HeldCertificate rootCa = new HeldCertificate.Builder().certificateAuthority(1)
            .commonName("Gatehouse Test Root").build();
    private final HeldCertificate clientCa = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Gatehouse Test Clients").build();
    private final Map<String, ConnectionEntry> configured = new ConcurrentHashMap<>();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private MockWebServer server;
    private PassphraseSecretStore secrets;
    private ConnectionClients clients;
    private HttpConnectionTester tester;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        Files.writeString(tmp.resolve("ca.pem"), rootCa.certificatePem());
        secrets = PassphraseSecretStore.create(tmp.resolve("secrets.json"), "pass".toCharArray(),
                new KdfParameters(1024, 1, 1, 16));
        clients = new ConnectionClients(name -> Optional.ofNullable(configured.get(name)), tmp.resolve("config.yaml"),
                () -> Optional.<SecretStore>of(secrets), token -> {
                    throw new AssertionError("no token in these tests");
                });
        tester = new HttpConnectionTester(clients, clock, ConnectionEntry::url);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
        secrets.close();
    }

    private void serve(HeldCertificate cert, boolean requireClientCert) throws Exception {
        HandshakeCertificates handshake = new HandshakeCertificates.Builder().heldCertificate(cert, rootCa.certificate())
                .addTrustedCertificate(clientCa.certificate()).build();
        server.useHttps(handshake.sslSocketFactory(), false);
        if (requireClientCert) {
            server.requireClientAuth();
        }
        server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
        server.start();
    }

    private HeldCertificate serverCert(String host, long notAfterMillis) {
        HeldCertificate.Builder b = new HeldCertificate.Builder().signedBy(rootCa).addSubjectAlternativeName(host);
        if (notAfterMillis > 0) {
            b.validityInterval(notAfterMillis - TimeUnit.DAYS.toMillis(30), notAfterMillis);
        }
        return b.build();
    }

    private ConnectionCheck test(String caBundle, List<String> pins, ClientCertificate cert) {
        URI url = server.url("/v1/cases").newBuilder().host("localhost").build().uri();
        TransportSecurity security = new TransportSecurity(caBundle, pins, cert);
        ConnectionEntry entry = new ConnectionEntry("caseApi", ConnectionKind.FRAUD_QUEUE, url, Transport.of(url, security),
                security, null, SecretState.NONE, true);
        configured.put(entry.name(), entry);
        return tester.test(entry);
    }

    private static String pinOf(HeldCertificate cert) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(cert.keyPair().getPublic().getEncoded()));
    }

    @Test
    void aServerIssuedByTheConnectionsCaBundlePasses() throws Exception {
        serve(serverCert("localhost", 0), false);
        ConnectionCheck check = test("ca.pem", List.of(), null);
        assertThat(check.outcome()).isEqualTo(CheckOutcome.OK);
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.at()).isEqualTo(clock.instant());
    }

    @Test
    void anExpiredCertificate() throws Exception {
        serve(serverCert("localhost", System.currentTimeMillis() - TimeUnit.DAYS.toMillis(2)), false);
        assertThat(test("ca.pem", List.of(), null).outcome()).isEqualTo(CheckOutcome.CERTIFICATE_EXPIRED);
    }

    @Test
    void aCertificateForAnotherHost() throws Exception {
        serve(serverCert("cases.example.com", 0), false);
        assertThat(test("ca.pem", List.of(), null).outcome()).isEqualTo(CheckOutcome.WRONG_HOST);
    }

    @Test
    void anAuthorityNeitherTheSystemNorTheBundleTrusts() throws Exception {
        serve(serverCert("localhost", 0), false);
        assertThat(test(null, List.of(), null).outcome()).isEqualTo(CheckOutcome.UNKNOWN_AUTHORITY);
    }

    @Test
    void aPinThatMatchesPassesAndOneThatDoesNotIsNamed() throws Exception {
        HeldCertificate cert = serverCert("localhost", 0);
        serve(cert, false);
        assertThat(test("ca.pem", List.of("sha256/" + pinOf(cert)), null).outcome()).isEqualTo(CheckOutcome.OK);
        server.enqueue(new MockResponse().setBody("{}"));
        String wrong = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(new byte[] {1}));
        assertThat(test("ca.pem", List.of(wrong), null).outcome()).isEqualTo(CheckOutcome.PIN_MISMATCH);
    }

    @Test
    void aServerThatRequiresAClientCertificateWhenNoneIsConfigured() throws Exception {
        serve(serverCert("localhost", 0), true);
        assertThat(test("ca.pem", List.of(), null).outcome()).isEqualTo(CheckOutcome.CLIENT_CERTIFICATE_REQUIRED);
    }

    @Test
    void aDevelopmentPkcs12CertificateWithItsPasswordFromTheSecretStore() throws Exception {
        HeldCertificate client = new HeldCertificate.Builder().signedBy(clientCa).commonName("gatehouse-console").build();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.keyPair().getPrivate(), "pw-1".toCharArray(),
                new Certificate[] {client.certificate(), clientCa.certificate()});
        try (OutputStream out = Files.newOutputStream(tmp.resolve("client.p12"))) {
            store.store(out, "pw-1".toCharArray());
        }
        serve(serverCert("localhost", 0), true);
        ClientCertificate cert = ClientCertificate.fromPkcs12("client.p12", "client-p12");

        ConnectionCheck missing = test("ca.pem", List.of(), cert);
        assertThat(missing.outcome()).isEqualTo(CheckOutcome.CLIENT_KEY_UNAVAILABLE);
        assertThat(missing.detail()).contains("no secret named 'client-p12'");

        secrets.put("client-p12", "pw-1".toCharArray());
        assertThat(test("ca.pem", List.of(), cert).outcome()).isEqualTo(CheckOutcome.OK);
        assertThat(server.takeRequest().getHandshake().peerPrincipal().getName()).contains("gatehouse-console");
    }

    @Test
    void aRebuiltClientIsANewClientAndAnUnchangedOneIsKept() throws Exception {
        serve(serverCert("localhost", 0), false);
        server.enqueue(new MockResponse().setBody("{}"));
        test("ca.pem", List.of(), null);
        ConnectionEntry entry = configured.get("caseApi");
        var first = clients.client(entry);
        assertThat(clients.client(entry)).isSameAs(first);
        clients.rebuild("caseApi");
        assertThat(clients.supplier("caseApi").get()).isNotSameAs(first);
    }
}
