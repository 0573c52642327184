package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.SignatureMechanism;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenSession;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/**
 * The signing path that calls SoftHSM2's {@code C_SignInit} and {@code C_Sign} without the wrapper's JNI
 * layer: the function table is read at the right places, and what it signs verifies independently.
 */
class DirectSigningTest {
    private static final byte[] DATA = "audit head 981: 7f3a…".getBytes(StandardCharsets.UTF_8);

    @Test
    @SuppressWarnings("restricted")
    void theFunctionTableEntriesAreTheModulesOwnSignInitAndSign() {
        SoftHsm.prepare();
        MemorySegment[] entries = DirectSigning.functionList(SoftHsm.MODULE);
        // SoftHSM2 also exports each function by name, which pins the offsets the table is read at
        SymbolLookup exported = SymbolLookup.libraryLookup(SoftHsm.MODULE, Arena.global());
        assertThat(entries[DirectSigning.SIGN_INIT_INDEX].address())
                .isEqualTo(exported.find("C_SignInit").orElseThrow().address());
        assertThat(entries[DirectSigning.SIGN_INDEX].address())
                .isEqualTo(exported.find("C_Sign").orElseThrow().address());
        assertThat(entries[DirectSigning.SIGN_INIT_INDEX - 1].address())
                .isEqualTo(exported.find("C_DigestFinal").orElseThrow().address());
    }

    @Test
    void signaturesMadeDirectlyVerifyWithTheTokensPublicKey() throws Exception {
        try (TokenSession session = SoftHsm.port().openSession(SoftHsm.CUSTODY, SoftHsm.pin())) {
            assertThat(((Pkcs11Session) session).signsDirectly()).isTrue();
            session.generateKeyPair(KeyAlgorithm.EC_P384, "direct-384", new byte[] {0x51});
            session.generateKeyPair(KeyAlgorithm.EC_P256, "direct-256", new byte[] {0x52});
            for (int i = 0; i < 50; i++) { // the same buffers, reused: no call may see the last one's bytes
                byte[] data = (new String(DATA, StandardCharsets.UTF_8) + i).getBytes(StandardCharsets.UTF_8);
                assertThat(verifies(session, "direct-256", SignatureMechanism.ECDSA_SHA256, "SHA256withECDSAinP1363Format",
                        data)).isTrue();
                assertThat(verifies(session, "direct-384", SignatureMechanism.ECDSA_SHA384, "SHA384withECDSAinP1363Format",
                        data)).isTrue();
            }
            session.destroy("direct-384");
            session.destroy("direct-256");
        }
    }

    @Test
    void aClosedSessionRefusesToSignRatherThanTouchingReleasedBuffers() {
        TokenSession session = SoftHsm.port().openSession(SoftHsm.CUSTODY, SoftHsm.pin());
        session.generateKeyPair(KeyAlgorithm.EC_P256, "direct-closed", new byte[] {0x53});
        session.sign("direct-closed", SignatureMechanism.ECDSA_SHA256, DATA);
        session.destroy("direct-closed");
        session.close();
        assertThatThrownBy(() -> session.sign("direct-closed", SignatureMechanism.ECDSA_SHA256, DATA))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aKeyGoneFromTheTokenIsReportedByTheDirectPathLikeTheWrapperReportsIt() {
        try (TokenSession session = SoftHsm.port().openSession(SoftHsm.CUSTODY, SoftHsm.pin())) {
            session.generateKeyPair(KeyAlgorithm.EC_P256, "direct-gone", new byte[] {0x54});
            session.sign("direct-gone", SignatureMechanism.ECDSA_SHA256, DATA); // remembered with its handle
            SoftHsm.pkcs11Tool(SoftHsm.CUSTODY, "--delete-object", "--type", "privkey", "--label", "direct-gone");
            // the stale handle fails in C_SignInit; the session looks the label up again and finds nothing
            assertThatThrownBy(() -> session.sign("direct-gone", SignatureMechanism.ECDSA_SHA256, DATA))
                    .isInstanceOfSatisfying(TokenException.class,
                            e -> assertThat(e.reason()).isEqualTo(TokenException.Reason.NO_SUCH_TOKEN));
            SoftHsm.pkcs11Tool(SoftHsm.CUSTODY, "--delete-object", "--type", "pubkey", "--label", "direct-gone");
        }
    }

    private static boolean verifies(TokenSession session, String label, SignatureMechanism mechanism, String jca,
            byte[] data) throws Exception {
        byte[] signature = session.sign(label, mechanism, data);
        Signature verifier = Signature.getInstance(jca);
        verifier.initVerify(session.publicKey(label));
        verifier.update(data);
        return verifier.verify(signature);
    }
}
