package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.keys.token.GeneratedKey;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.KeyUsage;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenFlag;
import io.gatehouse.data.keys.token.TokenPort;
import io.gatehouse.data.keys.token.TokenSession;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generation and signing on a real SoftHSM2 token, each result checked by independent clients:
 * pkcs11-tool reads the attributes, openssl verifies the signatures, SunPKCS11 still loads the token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Pkcs11TokenPortTest {
    private static final byte[] DATA = "checkout order 4711: 129.90 EUR".getBytes(StandardCharsets.UTF_8);

    private TokenPort port;
    private TokenSession session;

    @TempDir
    Path tmp;

    @BeforeAll
    void open() {
        port = SoftHsm.port();
        session = port.openSession(SoftHsm.CUSTODY, SoftHsm.pin());
    }

    @AfterAll
    void close() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    @Order(1)
    void listsTheModuleSlotsAndTokensWithTheirLabels() {
        assertThat(port.module().manufacturer()).contains("SoftHSM");
        assertThat(port.module().interfaceVersion()).startsWith("2.");
        List<SlotInfo> slots = port.listSlots();
        assertThat(slots).filteredOn(s -> s.token().isPresent() && s.token().get().initialized())
                .extracting(s -> s.token().get().label())
                .containsExactlyInAnyOrder(SoftHsm.CUSTODY, SoftHsm.FAULTS, SoftHsm.AUDIT,
                        SoftHsm.ROTATION, SoftHsm.CARD_KIM, SoftHsm.CARD_LOU, SoftHsm.MTLS, SoftHsm.CARD_ANA, SoftHsm.CARD_BEN);
        // SoftHSM always offers one more slot with a fresh, uninitialized token
        assertThat(slots).anySatisfy(s -> assertThat(s.token()).hasValueSatisfying(t -> {
            assertThat(t.initialized()).isFalse();
            assertThat(t.label()).isEmpty();
        }));
        SlotInfo custody = slots.stream().filter(s -> s.token().map(t -> t.label().equals(SoftHsm.CUSTODY)).orElse(false))
                .findFirst().orElseThrow();
        assertThat(custody.token().get().manufacturer()).isEqualTo("SoftHSM project");
        assertThat(custody.token().get().model()).isEqualTo("SoftHSM v2");
        assertThat(custody.token().get().serial()).isNotEmpty();
        assertThat(custody.token().get().flags()).contains(TokenFlag.INITIALIZED, TokenFlag.LOGIN_REQUIRED,
                TokenFlag.USER_PIN_INITIALIZED);
        assertThat(custody.token().get().mechanisms()).contains("CKM_ECDSA", "CKM_EDDSA", "CKM_SHA256_RSA_PKCS_PSS",
                "CKM_AES_KEY_GEN");
    }

    @ParameterizedTest
    @Order(2)
    @EnumSource(names = {"EC_P256", "EC_P384", "RSA_3072", "ED25519"})
    void generatesAKeyPairThatPkcs11ToolAndOpensslConfirm(KeyAlgorithm algorithm) throws Exception {
        String label = "sig-" + algorithm.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        byte[] id = {0x10, (byte) algorithm.ordinal()};

        GeneratedKey generated = session.generateKeyPair(algorithm, label, id);

        KeyObject key = generated.key();
        assertThat(key.keyClass()).isEqualTo(KeyClass.PRIVATE_KEY);
        assertThat(key.label()).isEqualTo(label);
        assertThat(key.idHex()).isEqualTo(HexFormat.of().formatHex(id));
        assertThat(key.sizeOrCurve()).isEqualTo(algorithm.sizeOrCurve());
        assertThat(key.usage()).containsExactly(KeyUsage.SIGN);
        assertThat(key.sensitive()).isTrue();
        assertThat(key.extractable()).isFalse();
        assertThat(key.local()).isTrue();
        assertThat(key.alwaysSensitive()).isTrue();
        assertThat(key.neverExtractable()).isTrue();
        assertThat(generated.publicKey()).hasValueSatisfying(pub -> {
            assertThat(pub.label()).isEqualTo(label);
            assertThat(pub.idHex()).isEqualTo(key.idHex());
            assertThat(pub.usage()).containsExactly(KeyUsage.VERIFY);
        });

        // an independent PKCS#11 client sees the same attributes
        Pkcs11Listing listing = Pkcs11Listing.parse(SoftHsm.pkcs11Tool(SoftHsm.CUSTODY, "--list-objects"));
        Pkcs11Listing.Entry privateEntry = listing.find("Private Key Object", label);
        assertThat(privateEntry.field("ID")).isEqualTo(HexFormat.of().formatHex(id));
        assertThat(privateEntry.list("Access")).contains("sensitive", "always sensitive", "never extractable", "local")
                .doesNotContain("extractable");
        assertThat(privateEntry.list("Usage")).containsExactly("sign");
        assertThat(privateEntry.fields()).doesNotContainKey("VALUE");
        assertThat(listing.find("Public Key Object", label).field("ID")).isEqualTo(HexFormat.of().formatHex(id));

        // signatures made through the port verify with openssl against the exported public key
        PublicKey publicKey = session.publicKey(label);
        Path pem = tmp.resolve(label + ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        Path data = tmp.resolve("data");
        Files.write(data, DATA);
        switch (algorithm) {
            case EC_P256 -> verifyEcdsa(label, SignatureMechanism.ECDSA_SHA256, "-sha256", 32, pem, data);
            case EC_P384 -> verifyEcdsa(label, SignatureMechanism.ECDSA_SHA384, "-sha384", 48, pem, data);
            case RSA_3072 -> {
                Path pkcs1 = write("pkcs1.sig", session.sign(label, SignatureMechanism.RSA_PKCS1_SHA256, DATA));
                SoftHsm.run("openssl", "dgst", "-sha256", "-verify", pem.toString(), "-signature", pkcs1.toString(),
                        data.toString());
                Path pss = write("pss.sig", session.sign(label, SignatureMechanism.RSA_PSS_SHA256, DATA));
                SoftHsm.run("openssl", "dgst", "-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt",
                        "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256", "-verify", pem.toString(), "-signature",
                        pss.toString(), data.toString());
                assertThat(publicKey.getAlgorithm()).isEqualTo("RSA");
            }
            case ED25519 -> {
                Path sig = write("ed25519.sig", session.sign(label, SignatureMechanism.ED25519, DATA));
                assertThat(Files.size(sig)).isEqualTo(64);
                SoftHsm.run("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pem.toString(), "-rawin", "-in",
                        data.toString(), "-sigfile", sig.toString());
                assertThat(publicKey.getAlgorithm()).isIn("Ed25519", "EdDSA");
            }
            default -> throw new AssertionError(algorithm);
        }
        // and a signature over other data does not verify: openssl is really checking
        if (algorithm == KeyAlgorithm.EC_P256) {
            Path other = tmp.resolve("other");
            Files.writeString(other, "checkout order 4712");
            Path sig = write("p256.der", derOf(session.sign(label, SignatureMechanism.ECDSA_SHA256, DATA), 32));
            assertThatThrownBy(() -> SoftHsm.run("openssl", "dgst", "-sha256", "-verify", pem.toString(), "-signature",
                    sig.toString(), other.toString())).isInstanceOf(AssertionError.class).hasMessageContaining("erification")
                    .hasMessageContaining("ailure");
        }
    }

    @Test
    @Order(3)
    void generatesAnAesKeyThatIsSensitiveAndNeverExtractable() {
        GeneratedKey generated = session.generateSecretKey(KeyAlgorithm.AES_256, "wrap-aes", new byte[] {0x20, 0x01});
        assertThat(generated.publicKey()).isEmpty();
        KeyObject key = generated.key();
        assertThat(key.keyClass()).isEqualTo(KeyClass.SECRET_KEY);
        assertThat(key.keyType()).isEqualTo("AES");
        assertThat(key.sizeOrCurve()).isEqualTo("256");
        assertThat(key.usage()).containsExactlyInAnyOrder(KeyUsage.ENCRYPT, KeyUsage.DECRYPT);
        assertThat(key.sensitive()).isTrue();
        assertThat(key.extractable()).isFalse();
        assertThat(key.neverExtractable()).isTrue();

        Pkcs11Listing.Entry entry = Pkcs11Listing.parse(SoftHsm.pkcs11Tool(SoftHsm.CUSTODY, "--list-objects"))
                .find("Secret Key Object; AES length 32", "wrap-aes");
        assertThat(entry.field("ID")).isEqualTo("2001");
        assertThat(entry.list("Access")).contains("sensitive", "never extractable").doesNotContain("extractable");
        assertThat(entry.fields()).doesNotContainKey("VALUE");
    }

    @Test
    @Order(4)
    void refusesALabelOrIdThatIsAlreadyOnTheToken() {
        session.generateKeyPair(KeyAlgorithm.EC_P256, "unique-1", new byte[] {0x30, 0x01});
        assertThatThrownBy(() -> session.generateKeyPair(KeyAlgorithm.EC_P256, "unique-1", new byte[] {0x30, 0x02}))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TokenException.Reason.DUPLICATE_LABEL);
                    assertThat(e.getMessage()).contains("'unique-1'");
                });
        // a secret key sharing a label would break SunPKCS11's KeyStore.load: refused too
        assertThatThrownBy(() -> session.generateSecretKey(KeyAlgorithm.AES_256, "unique-1", new byte[] {0x30, 0x03}))
                .isInstanceOfSatisfying(TokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.DUPLICATE_LABEL));
        assertThatThrownBy(() -> session.generateKeyPair(KeyAlgorithm.ED25519, "unique-2", new byte[] {0x30, 0x01}))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TokenException.Reason.DUPLICATE_LABEL);
                    assertThat(e.getMessage()).contains("id 3001");
                });
        assertThat(session.listKeys()).filteredOn(k -> k.label().equals("unique-1")).hasSize(2);
        assertThat(session.listKeys()).noneMatch(k -> k.label().equals("unique-2"));
    }

    @Test
    @Order(5)
    void refusesBadLabelsAndMismatchedMechanisms() {
        assertThatThrownBy(() -> session.generateKeyPair(KeyAlgorithm.EC_P256, " padded", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.generateKeyPair(KeyAlgorithm.EC_P256, "no-id", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.generateKeyPair(KeyAlgorithm.AES_256, "aes", new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.sign("sig-ec-p256", SignatureMechanism.RSA_PSS_SHA256, DATA))
                .isInstanceOfSatisfying(TokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.UNSUPPORTED));
        assertThatThrownBy(() -> session.sign("no-such-key", SignatureMechanism.ECDSA_SHA256, DATA))
                .isInstanceOfSatisfying(TokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.NO_SUCH_TOKEN));
    }

    @Test
    @Order(6)
    void theInventoryListsEveryGeneratedObject() {
        List<KeyObject> keys = session.listKeys();
        assertThat(keys).filteredOn(k -> k.keyClass() == KeyClass.PRIVATE_KEY).extracting(KeyObject::label)
                .contains("sig-ec-p256", "sig-ec-p384", "sig-rsa-3072", "sig-ed25519");
        assertThat(keys).filteredOn(k -> k.label().equals("sig-ed25519")).extracting(KeyObject::keyType)
                .containsOnly("EC_EDWARDS");
        assertThat(keys).filteredOn(k -> k.label().equals("sig-rsa-3072")).extracting(KeyObject::sizeOrCurve)
                .containsOnly("3072");
        assertThat(new io.gatehouse.data.keys.token.InventoryAuditor().audit(keys)).isEmpty();
    }

    @Test
    @Order(7)
    void sunPkcs11StillLoadsTheTokenAfterEveryGeneration() throws Exception {
        long slotId = port.listSlots().stream()
                .filter(s -> s.token().map(t -> t.label().equals(SoftHsm.CUSTODY)).orElse(false))
                .findFirst().orElseThrow().slotId();
        Provider provider = Security.getProvider("SunPKCS11")
                .configure("--name=GatehouseCheck\nlibrary=" + SoftHsm.MODULE + "\nslot=" + slotId + "\n");
        KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
        char[] pin = SoftHsm.PIN.toCharArray();
        keyStore.load(null, pin);
        Arrays.fill(pin, '\0');
        List<String> aliases = Collections.list(keyStore.aliases());
        // SunPKCS11 lists secret keys by label and key pairs only when they have a certificate
        assertThat(aliases).contains("wrap-aes");
        assertThat(keyStore.getKey("wrap-aes", null)).isNotNull();
    }

    @Test
    @Order(8)
    void destroyRemovesEveryObjectOfTheLabel() {
        session.generateKeyPair(KeyAlgorithm.EC_P256, "short-lived", new byte[] {0x40});
        session.destroy("short-lived");
        assertThat(session.listKeys()).noneMatch(k -> k.label().equals("short-lived"));
        assertThatThrownBy(() -> session.destroy("short-lived")).isInstanceOfSatisfying(TokenException.class,
                e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.NO_SUCH_TOKEN));
    }

    @Test
    @Order(9)
    void aSigningKeyReplacedByAnotherProgramIsLookedUpAgainNotSignedWithStale() throws Exception {
        session.generateKeyPair(KeyAlgorithm.EC_P256, "replaced", new byte[] {0x41});
        session.sign("replaced", SignatureMechanism.ECDSA_SHA256, DATA); // now remembered by this session

        // another program swaps the key pair under the same label
        SoftHsm.pkcs11Tool(SoftHsm.CUSTODY, "--delete-object", "--type", "privkey", "--label", "replaced");
        SoftHsm.pkcs11Tool(SoftHsm.CUSTODY, "--delete-object", "--type", "pubkey", "--label", "replaced");
        SoftHsm.pkcs11Tool(SoftHsm.CUSTODY, "--keypairgen", "--key-type", "EC:prime256v1", "--label", "replaced",
                "--id", "41", "--usage-sign");
        Path pem = write("replaced.pem", ("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(session.publicKey("replaced").getEncoded())
                + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII));
        verifyEcdsa("replaced", SignatureMechanism.ECDSA_SHA256, "-sha256", 32, pem, write("replaced.data", DATA));

        SoftHsm.pkcs11Tool(SoftHsm.CUSTODY, "--delete-object", "--type", "privkey", "--label", "replaced");
        assertThatThrownBy(() -> session.sign("replaced", SignatureMechanism.ECDSA_SHA256, DATA))
                .isInstanceOfSatisfying(TokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.NO_SUCH_TOKEN));
    }

    private void verifyEcdsa(String label, SignatureMechanism mechanism, String digest, int size, Path pem, Path data)
            throws Exception {
        byte[] raw = session.sign(label, mechanism, DATA);
        assertThat(raw).hasSize(2 * size);
        Path sig = write(label + ".der", derOf(raw, size));
        SoftHsm.run("openssl", "dgst", digest, "-verify", pem.toString(), "-signature", sig.toString(), data.toString());
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** r || s to the DER SEQUENCE { INTEGER r, INTEGER s } that openssl expects. */
    static byte[] derOf(byte[] raw, int size) {
        byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, size)).toByteArray();
        byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, size, 2 * size)).toByteArray();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (byte[] integer : List.of(r, s)) {
            body.write(0x02);
            writeLength(body, integer.length);
            body.writeBytes(integer);
        }
        java.io.ByteArrayOutputStream der = new java.io.ByteArrayOutputStream();
        der.write(0x30);
        writeLength(der, body.size());
        der.writeBytes(body.toByteArray());
        return der.toByteArray();
    }

    private static void writeLength(java.io.ByteArrayOutputStream out, int length) {
        if (length > 127) {
            out.write(0x81);
        }
        out.write(length);
    }
}
