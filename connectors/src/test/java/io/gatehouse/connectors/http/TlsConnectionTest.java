package io.gatehouse.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.testing.ManualClock;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS handshakes on loopback, one per failure the Connections view must explain. */
class TlsConnectionTest {
    @TempDir
    Path tmp;

    private final HeldCertificate rootCa = new HeldCertificate.Builder().certificateAuthority(1)
            .commonName("Gatehouse Test Root").build();
    private final HeldCertificate clientCa = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Gatehouse Test Clients").build();
    private MockWebServer server;

    @BeforeEach
    void start() {
        server = new MockWebServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private HeldCertificate serverCert(String host, long notAfterMillis) {
        HeldCertificate.Builder b = new HeldCertificate.Builder().signedBy(rootCa).addSubjectAlternativeName(host);
        if (notAfterMillis > 0) {
            b.validityInterval(notAfterMillis - TimeUnit.DAYS.toMillis(30), notAfterMillis);
        }
        return b.build();
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

    private UpstreamResponse call(TlsSettings tls) {
        URI url = server.url("/v1/cases").newBuilder().host("localhost").build().uri();
        OkHttpClient http = HttpClients.secured(url, null, tls);
        UpstreamClient client = new UpstreamClient("Case API", http, ManualClock.at("2026-11-25T10:00:00Z"), d -> { },
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(1));
        return client.execute(new Request.Builder().url(url.toString()).build(), 1024);
    }

    private TlsSettings trustingOurCa() {
        return TlsSettings.systemDefault().withExtraTrustAnchors(List.of(rootCa.certificate()));
    }

    @Test
    void aServerFromTheConnectionsOwnCaIsTrusted() throws Exception {
        serve(serverCert("localhost", 0), false);
        assertThat(call(trustingOurCa()).bodyText()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void theCaBundleIsReadFromPem() throws Exception {
        Path bundle = tmp.resolve("ca.pem");
        Files.writeString(bundle, rootCa.certificatePem() + clientCa.certificatePem());
        assertThat(TlsSettings.readPemBundle(bundle)).hasSize(2);
        serve(serverCert("localhost", 0), false);
        assertThat(call(TlsSettings.systemDefault().withExtraTrustAnchors(TlsSettings.readPemBundle(bundle))).status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownCaIsNamed() throws Exception {
        serve(serverCert("localhost", 0), false);
        assertThatThrownBy(() -> call(TlsSettings.systemDefault()))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.reason()).isEqualTo(UpstreamException.Reason.TLS))
                .hasMessageContaining("authority this console does not trust");
    }

    @Test
    void anExpiredCertificateIsNamed() throws Exception {
        serve(serverCert("localhost", System.currentTimeMillis() - TimeUnit.DAYS.toMillis(2)), false);
        assertThatThrownBy(() -> call(trustingOurCa())).hasMessageContaining("has expired");
    }

    @Test
    void aCertificateForAnotherHostIsNamed() throws Exception {
        serve(serverCert("cases.example.com", 0), false);
        assertThatThrownBy(() -> call(trustingOurCa())).hasMessageContaining("not issued for localhost");
    }

    @Test
    void aPinnedKeyMustMatch() throws Exception {
        HeldCertificate cert = serverCert("localhost", 0);
        serve(cert, false);
        String rightPin = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(cert.keyPair().getPublic().getEncoded()));
        assertThat(call(trustingOurCa().withPins(List.of(rightPin))).status()).isEqualTo(200);

        String wrongPin = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(new byte[] {1}));
        server.enqueue(new MockResponse().setBody("{}"));
        assertThatThrownBy(() -> call(trustingOurCa().withPins(List.of(wrongPin))))
                .hasMessageContaining("does not match the pinned key");
    }

    @Test
    void aServerThatRequiresAClientCertificateSaysSo() throws Exception {
        serve(serverCert("localhost", 0), true);
        assertThatThrownBy(() -> call(trustingOurCa()))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.getMessage())
                        .as(e.getMessage()).contains("requires a client certificate"));
    }

    @Test
    void mutualTlsWithAPkcs12ClientCertificate() throws Exception {
        HeldCertificate client = new HeldCertificate.Builder().signedBy(clientCa).commonName("gatehouse-console").build();
        Path p12 = tmp.resolve("client.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.keyPair().getPrivate(), "pw".toCharArray(),
                new Certificate[] {client.certificate(), clientCa.certificate()});
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "pw".toCharArray());
        }
        serve(serverCert("localhost", 0), true);
        char[] password = "pw".toCharArray();
        TlsSettings tls = trustingOurCa().withClientKeys(TlsSettings.pkcs12ClientKeys(p12, password));
        assertThat(password).containsOnly('\0');
        assertThat(call(tls).status()).isEqualTo(200);
        assertThat(server.takeRequest().getHandshake().peerPrincipal().getName()).contains("gatehouse-console");
    }
}
