package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.TlsSettings;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.testing.ManualClock;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.net.ssl.KeyManager;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutual TLS whose client key stays on a SoftHSM2 token: a real TLS server on loopback demands a client
 * certificate, and the handshake signature is made on the token through SunPKCS11.
 */
class TokenMutualTlsTest {
    private static final String KEY = "console-mtls";

    @TempDir
    Path tmp;

    // shared by the tests of this class: the certificate written to the token once is issued by this client CA
    private static final HeldCertificate rootCa = new HeldCertificate.Builder().certificateAuthority(1)
            .commonName("Gatehouse Test Root").build();
    private static final HeldCertificate clientCa = new HeldCertificate.Builder().certificateAuthority(0)
            .commonName("Gatehouse Test Clients").build();
    private static boolean installed;
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        SoftHsm.prepare(); // the token directory must be in place before any test loads the module
        server = new MockWebServer();
        HeldCertificate serverCert = new HeldCertificate.Builder().signedBy(rootCa).addSubjectAlternativeName("localhost").build();
        HandshakeCertificates handshake = new HandshakeCertificates.Builder().heldCertificate(serverCert, rootCa.certificate())
                .addTrustedCertificate(clientCa.certificate()).build();
        server.useHttps(handshake.sslSocketFactory(), false);
        server.requireClientAuth();
        server.enqueue(new MockResponse().setBody("{\"ok\":true}"));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void theHandshakeIsSignedOnTheTokenWithItsCertificate() throws Exception {
        installClientKeyAndCertificate();
        char[] pin = SoftHsm.PIN.toCharArray();
        KeyManager[] keys = TokenKeyManagers.forKey(SoftHsm.MODULE, SoftHsm.MTLS, pin, KEY);
        assertThat(pin).containsOnly('\0');

        URI url = server.url("/v1/cases").newBuilder().host("localhost").build().uri();
        OkHttpClient http = HttpClients.secured(url, null,
                TlsSettings.systemDefault().withExtraTrustAnchors(List.of(rootCa.certificate())).withClientKeys(keys));
        UpstreamClient client = new UpstreamClient("Case API", http, ManualClock.at("2026-11-25T10:00:00Z"), d -> { },
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(1));
        assertThat(client.execute(new Request.Builder().url(url.toString()).build(), 1024).status()).isEqualTo(200);
        assertThat(server.takeRequest().getHandshake().peerPrincipal().getName()).contains("CN=gatehouse-console-mtls");
        // the private key never left: the token still reports it sensitive and not extractable
        try (TokenSession session = SoftHsm.port().openSession(SoftHsm.MTLS, SoftHsm.pin())) {
            assertThat(session.listKeys()).filteredOn(k -> k.label().equals(KEY))
                    .anySatisfy(k -> assertThat(k.sensitive() && !k.extractable()).isTrue());
        }
    }

    @Test
    void aConnectionConfiguredWithATokenCertificatePassesItsTestAndAsksThePinOnce() throws Exception {
        installClientKeyAndCertificate();
        Files.writeString(tmp.resolve("ca.pem"), rootCa.certificatePem());
        URI url = server.url("/v1/cases").newBuilder().host("localhost").build().uri();
        Path config = tmp.resolve("config.yaml");
        Files.writeString(config, """
                operator: alice
                operators:
                  - {id: alice, name: Alice, roles: [lead]}
                profile: production
                profiles:
                  production:
                    caseApi:
                      url: %s
                      caBundle: ca.pem
                      clientCertificate: {token: %s, key: %s, module: %s}
                """.formatted(url, SoftHsm.MTLS, KEY, SoftHsm.MODULE));
        io.gatehouse.data.config.GatehouseConfig loaded = new io.gatehouse.data.config.ConfigLoader().load(config);
        List<io.gatehouse.data.connections.ConnectionEntry> entries = io.gatehouse.data.connections.ConnectionEntries.of(
                loaded, null, java.util.Optional::empty);
        assertThat(entries.getFirst().transport()).isEqualTo(io.gatehouse.data.connections.Transport.MTLS_TOKEN);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        var clients = new io.gatehouse.connectors.connections.ConnectionClients(
                name -> entries.stream().filter(e -> e.name().equals(name)).findFirst(), config,
                java.util.Optional::empty, token -> {
                    asked.incrementAndGet();
                    assertThat(token.label()).isEqualTo(SoftHsm.MTLS);
                    return SoftHsm.PIN.toCharArray();
                });
        var tester = new io.gatehouse.connectors.connections.HttpConnectionTester(clients,
                ManualClock.at("2026-11-25T10:00:00Z"), io.gatehouse.data.connections.ConnectionEntry::url);
        server.enqueue(new MockResponse().setBody("{}"));

        assertThat(tester.test(entries.getFirst()).outcome()).isEqualTo(io.gatehouse.data.connections.CheckOutcome.OK);
        assertThat(tester.test(entries.getFirst()).outcome()).isEqualTo(io.gatehouse.data.connections.CheckOutcome.OK);
        assertThat(asked).hasValue(1);
        assertThat(server.takeRequest().getHandshake().peerPrincipal().getName()).contains("CN=gatehouse-console-mtls");
    }

    @Test
    void aWrongPinOrAKeyWithoutCertificateIsNamed() {
        char[] wrong = "0000".toCharArray();
        assertThatThrownBy(() -> TokenKeyManagers.forKey(SoftHsm.MODULE, SoftHsm.MTLS, wrong, KEY))
                .isInstanceOfSatisfying(TokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.WRONG_PIN));
        assertThat(wrong).containsOnly('\0');
        assertThatThrownBy(() -> TokenKeyManagers.forKey(SoftHsm.MODULE, SoftHsm.MTLS, SoftHsm.PIN.toCharArray(), "absent"))
                .isInstanceOf(TokenException.class).hasMessageContaining("absent");
        assertThatThrownBy(() -> TokenKeyManagers.forKey(SoftHsm.MODULE, "no-such-token", SoftHsm.PIN.toCharArray(), KEY))
                .isInstanceOfSatisfying(TokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.NO_SUCH_TOKEN));
    }

    /** Generates the key pair on the token, then writes the client CA's certificate for it beside it. */
    private void installClientKeyAndCertificate() throws Exception {
        synchronized (TokenMutualTlsTest.class) {
            if (installed) {
                return;
            }
            installed = true;
        }
        PublicKey publicKey;
        try (TokenSession session = SoftHsm.port().openSession(SoftHsm.MTLS, SoftHsm.pin())) {
            if (session.listKeys().stream().noneMatch(k -> k.label().equals(KEY))) {
                session.generateKeyPair(KeyAlgorithm.EC_P256, KEY, new byte[] {0x6d});
            }
            publicKey = session.publicKey(KEY);
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                clientCa.certificate().getSubjectX500Principal(), BigInteger.valueOf(77),
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plus(Duration.ofDays(1))),
                new javax.security.auth.x500.X500Principal("CN=gatehouse-console-mtls"), publicKey)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(clientCa.keyPair().getPrivate())));
        Path der = tmp.resolve("client.der");
        Files.write(der, certificate.getEncoded());
        SoftHsm.pkcs11Tool(SoftHsm.MTLS, "--write-object", der.toString(), "--type", "cert", "--label", KEY, "--id", "6d");
    }
}
