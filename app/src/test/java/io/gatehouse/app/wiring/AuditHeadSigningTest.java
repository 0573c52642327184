package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.keys.AuditHeadSchedule;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.MemoryJwksRegistry;
import io.gatehouse.data.testing.SoftwareToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's timed head signing when its token cannot be had: a degraded state saying what to do, never a crash. */
class AuditHeadSigningTest {
    private static final String MISSING_MODULE = "/nonexistent/libgone-pkcs11.so";

    @TempDir
    Path tmp;

    @Test
    void eachMissingPieceIsADegradedStateWithItsRemedy() throws Exception {
        ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
        Path config = Files.writeString(tmp.resolve("config.yaml"), """
                operator: kim
                operators:
                  - id: kim
                    name: Kim Custodian
                    roles: [key-custodian]
                profile: vault
                profiles:
                  vault:
                    prometheus: {url: "http://127.0.0.1:9/"}
                """);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Composition composition = Composition.open(new AppDirectories(config, tmp.resolve("data")), clock)) {
            new KeyCustody(composition.store(), composition.auditLog(), composition.session(), new SoftwareToken("vault"),
                    new MemoryJwksRegistry(), clock).createRing(KeyCustody.AUDIT_RING,
                    RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            new KeyCustody(composition.store(), composition.auditLog(), composition.session(), new SoftwareToken("vault"),
                    new MemoryJwksRegistry(), clock).rotate(KeyCustody.AUDIT_RING);

            AuditHeadSchedule noPinSecret = AuditHeadSigning.schedule(composition,
                    new ConnectionProfile.Token(MISSING_MODULE, "vault"), scheduler, clock);
            AuditHeadSchedule.Status status = noPinSecret.signNow();
            assertThat(status.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(status.detail()).contains("token.pinSecret");

            AuditHeadSchedule withPinSecret = AuditHeadSigning.schedule(composition,
                    new ConnectionProfile.Token(MISSING_MODULE, "vault", "vault-pin"), scheduler, clock);
            assertThat(withPinSecret.signNow().detail()).contains("secret store is locked or has no secret 'vault-pin'");

            composition.secrets().unlock("passphrase for tests".toCharArray()).put("vault-pin", "1234".toCharArray());
            AuditHeadSchedule.Status gone = withPinSecret.signNow();
            assertThat(gone.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(gone.detail()).contains(MISSING_MODULE).doesNotContain("1234");
            assertThat(withPinSecret.check().state()).isEqualTo(HealthState.DEGRADED);
            assertThat(withPinSecret.connection()).isEqualTo("Audit head signing");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
