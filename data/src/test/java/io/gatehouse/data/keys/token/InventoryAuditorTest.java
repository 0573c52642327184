package io.gatehouse.data.keys.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.FailureKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryAuditorTest {
    private final InventoryAuditor auditor = new InventoryAuditor();

    private static KeyObject key(KeyClass c, String label, String id, boolean sensitive, boolean extractable) {
        return new KeyObject(c, label, id, "EC", "P-256", Set.of(KeyUsage.SIGN), sensitive, extractable, true,
                sensitive, !extractable);
    }

    private static KeyObject priv(String label, String id) {
        return key(KeyClass.PRIVATE_KEY, label, id, true, false);
    }

    private static KeyObject pub(String label, String id) {
        return key(KeyClass.PUBLIC_KEY, label, id, false, true);
    }

    @Test
    void aWellFormedPairAndSecretKeyHaveNoFindings() {
        List<KeyObject> inventory = List.of(priv("sig-1", "01"), pub("sig-1", "01"),
                key(KeyClass.SECRET_KEY, "aes-1", "02", true, false));
        assertThat(auditor.audit(inventory)).isEmpty();
    }

    @Test
    void publicKeysAndCertificatesAreNeverFlaggedForExtractability() {
        assertThat(auditor.audit(List.of(pub("p", "01"), key(KeyClass.CERTIFICATE, "c", "02", false, true)))).isEmpty();
    }

    @Test
    void extractableAndNotSensitiveKeysAreFindings() {
        KeyObject loose = key(KeyClass.SECRET_KEY, "loose", "09", false, true);
        List<KeyFinding> findings = auditor.audit(List.of(loose));
        assertThat(findings).extracting(KeyFinding::kind)
                .containsExactly(KeyFinding.Kind.EXTRACTABLE, KeyFinding.Kind.NOT_SENSITIVE);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.key()).isEqualTo(loose);
            assertThat(f.sentence()).contains("'loose'").endsWith(".");
        });
    }

    @Test
    void aPrivateKeyWithoutPartnerIsAnOrphan() {
        List<KeyFinding> findings = auditor.audit(List.of(priv("lonely", "0a"), priv("paired", "0b"), pub("other", "0b")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(KeyFinding.Kind.ORPHAN_PRIVATE_KEY);
            assertThat(f.key().label()).isEqualTo("lonely");
        });
    }

    @Test
    void aCertificateIsEnoughOfAPartnerAndIdsWinOverLabels() {
        KeyObject cert = key(KeyClass.CERTIFICATE, "", "0c", false, false);
        assertThat(auditor.audit(List.of(priv("with-cert", "0c"), cert))).isEmpty();
        // same label, different id: the public key belongs to another private key
        assertThat(auditor.audit(List.of(priv("x", "01"), pub("y", "02"), priv("y", "02"))))
                .extracting(KeyFinding::kind).contains(KeyFinding.Kind.ORPHAN_PRIVATE_KEY);
    }

    @Test
    void aPrivateKeyWithoutIdMatchesByLabel() {
        assertThat(auditor.audit(List.of(priv("noid", ""), pub("noid", "")))).isEmpty();
        assertThat(auditor.audit(List.of(priv("", "")))).extracting(KeyFinding::kind)
                .containsExactly(KeyFinding.Kind.ORPHAN_PRIVATE_KEY);
    }

    @Test
    void duplicateLabelsAreFoundOncePerLabel() {
        List<KeyFinding> findings = auditor.audit(List.of(priv("dup", "01"), pub("dup", "01"), priv("dup", "02"),
                pub("dup", "02"), key(KeyClass.SECRET_KEY, "shared", "03", true, false), pub("shared", "04")));
        assertThat(findings).filteredOn(f -> f.kind() == KeyFinding.Kind.DUPLICATE_LABEL)
                .extracting(f -> f.key().label()).containsExactly("dup", "shared");
        assertThat(findings).filteredOn(f -> f.kind() == KeyFinding.Kind.DUPLICATE_LABEL).first()
                .extracting(KeyFinding::sentence).asString().startsWith("4 objects share the label 'dup'");
    }

    @Test
    void pinReasonsArePermissionFailuresAndTheRestUpstream() {
        for (TokenException.Reason r : TokenException.Reason.values()) {
            FailureKind expected = r == TokenException.Reason.WRONG_PIN || r == TokenException.Reason.PIN_LOCKED
                    ? FailureKind.PERMISSION : FailureKind.UPSTREAM;
            assertThat(r.kind()).as(r.name()).isEqualTo(expected);
        }
        TokenException e = TokenException.wrongPin("shop-signing", null);
        assertThat(e.kind()).isEqualTo(FailureKind.PERMISSION);
        assertThat(e.reason()).isEqualTo(TokenException.Reason.WRONG_PIN);
        assertThat(e.getMessage()).contains("'shop-signing'").contains("try again");
    }
}
