package io.gatehouse.data.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.health.HealthState;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.MemoryJwksRegistry;
import io.gatehouse.data.testing.SoftwareToken;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cryptoperiod reaches the health bar: a warning before the end, an alert after, quiet after a rotation. */
class CryptoperiodWatchTest {
    @TempDir
    Path tmp;

    @Test
    void warnsBeforeTheEndAlertsAfterItAndCalmsDownOnRotation() {
        ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
        try (LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            LocalOperatorSession kim = new LocalOperatorSession(TestOperators.operator("kim", Role.KEY_CUSTODIAN), clock,
                    c -> Arrays.equals(c, TestOperators.PASSPHRASE));
            CryptoperiodWatch watch = new CryptoperiodWatch(store, clock);
            assertThat(watch.check().state()).isEqualTo(HealthState.UP);
            assertThat(watch.check().detail()).isEqualTo("no primary key versions yet");

            KeyCustody custody = new KeyCustody(store, new AuditLog(store, kim, clock), kim, new SoftwareToken("t"),
                    new MemoryJwksRegistry(), clock);
            custody.createRing("checkout", RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            custody.rotate("checkout");
            assertThat(watch.check().state()).isEqualTo(HealthState.UP);

            clock.advance(Duration.ofDays(77));
            assertThat(watch.check().state()).isEqualTo(HealthState.DEGRADED);
            assertThat(watch.check().detail()).contains("plan a rotation").contains("checkout (ends 2027-02-23T10:00:00Z)");

            clock.advance(Duration.ofDays(13));
            assertThat(watch.check().state()).isEqualTo(HealthState.DOWN);
            assertThat(watch.check().detail()).contains("rotate now").contains("checkout");

            custody.rotate("checkout");
            assertThat(watch.check().state()).isEqualTo(HealthState.UP);
            assertThat(watch.check().detail()).isEqualTo("all 1 primary versions are within their cryptoperiod");
        }
    }
}
