package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.keys.token.InventoryAuditor;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.KeyFinding;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.TokenSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys planted by another client (pkcs11-tool) show up in the inventory with the right findings. */
class InventoryFindingsTest {

    @Test
    void extractableAndOrphanKeysPlantedByAnotherClientAreFindings() {
        // the module is loaded first: keys that another process adds later must still be seen
        SoftHsm.port().listSlots();
        SoftHsm.pkcs11Tool(SoftHsm.AUDIT, "--keygen", "--key-type", "AES:32", "--label", "loose-aes", "--id", "0909",
                "--extractable");
        SoftHsm.pkcs11Tool(SoftHsm.AUDIT, "--keypairgen", "--key-type", "EC:prime256v1", "--label", "orphan", "--id", "0d");
        SoftHsm.pkcs11Tool(SoftHsm.AUDIT, "--delete-object", "--type", "pubkey", "--id", "0d");

        try (TokenSession session = SoftHsm.port().openSession(SoftHsm.AUDIT, SoftHsm.pin())) {
            session.generateKeyPair(KeyAlgorithm.EC_P256, "clean", new byte[] {0x0c});
            List<KeyObject> keys = session.listKeys();

            KeyObject loose = keys.stream().filter(k -> k.label().equals("loose-aes")).findFirst().orElseThrow();
            assertThat(loose.keyClass()).isEqualTo(KeyClass.SECRET_KEY);
            assertThat(loose.extractable()).isTrue();
            assertThat(loose.sensitive()).isFalse();
            assertThat(loose.idHex()).isEqualTo("0909");

            List<KeyFinding> findings = new InventoryAuditor().audit(keys);
            assertThat(findings).extracting(f -> f.kind() + " " + f.key().label()).containsExactlyInAnyOrder(
                    "EXTRACTABLE loose-aes", "NOT_SENSITIVE loose-aes", "ORPHAN_PRIVATE_KEY orphan");
        }
    }
}
