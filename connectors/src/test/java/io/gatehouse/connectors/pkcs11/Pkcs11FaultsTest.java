package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenException.Reason;
import io.gatehouse.data.keys.token.TokenPort;
import io.gatehouse.data.keys.token.TokenSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;

/** Every fault the issue names gives its reason and a sentence that says what to do. */
class Pkcs11FaultsTest {
    @TempDir
    Path tmp;

    /** Hands out fresh PIN arrays and keeps them, to check they were wiped. */
    private static final class RecordingPin implements PinSource {
        final List<char[]> handedOut = new ArrayList<>();
        private final String pin;

        RecordingPin(String pin) {
            this.pin = pin;
        }

        @Override
        public char[] pinFor(io.gatehouse.data.keys.token.TokenInfo token) {
            char[] copy = pin.toCharArray();
            handedOut.add(copy);
            return copy;
        }

        boolean allWiped() {
            return handedOut.stream().allMatch(a -> new String(a).chars().allMatch(c -> c == 0));
        }
    }

    @Test
    void aWrongPinIsAPermissionFailureAndThePinIsWiped() {
        TokenPort port = SoftHsm.port();
        RecordingPin wrong = new RecordingPin("0000");
        assertThatThrownBy(() -> port.openSession(SoftHsm.FAULTS, wrong)).isInstanceOfSatisfying(TokenException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.WRONG_PIN);
            assertThat(e.kind()).isEqualTo(FailureKind.PERMISSION);
            assertThat(e.getMessage()).contains("'faults'").contains("wrong").doesNotContain("0000");
            assertThat(e.getCause()).isInstanceOf(PKCS11Exception.class).hasMessageContaining("CKR_PIN_INCORRECT");
        });
        assertThat(wrong.handedOut).hasSize(1);
        assertThat(wrong.allWiped()).isTrue();

        RecordingPin right = new RecordingPin(SoftHsm.PIN);
        try (TokenSession session = port.openSession(SoftHsm.FAULTS, right)) {
            assertThat(session.token().label()).isEqualTo(SoftHsm.FAULTS);
            assertThat(session.listKeys()).isEmpty();
        }
        assertThat(right.allWiped()).isTrue();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "/usr/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/etc/hostname"})
    void aFileThatIsNotAPkcs11LibraryIsNamedSo(String file) {
        Path library = Path.of(file);
        assertThat(library).as("part of every Debian system").isRegularFile();
        assertThatThrownBy(() -> Pkcs11Modules.open(library)).isInstanceOfSatisfying(TokenException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.NOT_A_PKCS11_LIBRARY);
            assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM);
            assertThat(e.getMessage()).startsWith(library + " is not a PKCS#11 module.");
        });
    }

    @Test
    void aMissingLibraryIsNamedSo() {
        Path missing = tmp.resolve("libnothing-pkcs11.so");
        assertThatThrownBy(() -> Pkcs11Modules.open(missing)).isInstanceOfSatisfying(TokenException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.LIBRARY_MISSING);
            assertThat(e.getMessage()).contains(missing.toString()).contains("does not exist");
        });
        assertThatThrownBy(() -> Pkcs11Modules.open(tmp)).isInstanceOfSatisfying(TokenException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.LIBRARY_MISSING));
    }

    @Test
    void anUninitializedTokenIsNamedSoWithoutAskingForAPin() {
        TokenPort port = SoftHsm.port();
        SlotInfo free = port.listSlots().stream().filter(s -> s.token().map(t -> !t.initialized()).orElse(false))
                .findFirst().orElseThrow();
        RecordingPin pin = new RecordingPin(SoftHsm.PIN);
        assertThatThrownBy(() -> ((Pkcs11TokenPort) port).openSessionInSlot(free.slotId(), pin))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOKEN_NOT_INITIALIZED);
                    assertThat(e.getMessage()).contains("not initialized").contains("softhsm2-util --init-token");
                });
        assertThat(pin.handedOut).isEmpty();
    }

    @Test
    void anUnknownTokenLabelIsNamedSo() {
        assertThatThrownBy(() -> SoftHsm.port().openSession("no-such-token", SoftHsm.pin()))
                .isInstanceOfSatisfying(TokenException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_TOKEN);
                    assertThat(e.getMessage()).contains("'no-such-token'").contains("gatehouse keys tokens");
                });
    }

    @Test
    void oneModuleInstancePerLibraryEvenUnderConcurrentOpens() throws Exception {
        TokenPort first = SoftHsm.port();
        // the Debian symbolic link and its target are one library
        Path target = SoftHsm.MODULE.toRealPath();
        List<java.util.concurrent.Future<TokenPort>> opened = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                Path path = i % 2 == 0 ? SoftHsm.MODULE : target;
                opened.add(pool.submit(() -> Pkcs11Modules.open(path)));
            }
        }
        for (var future : opened) {
            assertThat(future.get()).isSameAs(first);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "CKR_PIN_INCORRECT, WRONG_PIN",
        "CKR_PIN_LEN_RANGE, WRONG_PIN",
        "CKR_PIN_LOCKED, PIN_LOCKED",
        "CKR_DEVICE_REMOVED, TOKEN_REMOVED",
        "CKR_TOKEN_NOT_PRESENT, TOKEN_REMOVED",
        "CKR_SESSION_HANDLE_INVALID, TOKEN_REMOVED",
        "CKR_TOKEN_NOT_RECOGNIZED, TOKEN_NOT_INITIALIZED",
        "CKR_USER_PIN_NOT_INITIALIZED, TOKEN_NOT_INITIALIZED",
        "CKR_SLOT_ID_INVALID, NO_SUCH_TOKEN",
        "CKR_MECHANISM_INVALID, UNSUPPORTED",
        "CKR_CURVE_NOT_SUPPORTED, UNSUPPORTED",
        "CKR_DEVICE_ERROR, DEVICE_ERROR",
        "CKR_GENERAL_ERROR, DEVICE_ERROR"
    })
    void returnCodesMapToReasons(String code, Reason reason) throws Exception {
        long value = PKCS11Constants.class.getField(code).getLong(null);
        TokenException e = Pkcs11Faults.map(new PKCS11Exception(value), "shop", "signing with key 'k'");
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isNotBlank().endsWith(".");
        assertThat(e.kind()).isEqualTo(reason.kind());
    }
}
