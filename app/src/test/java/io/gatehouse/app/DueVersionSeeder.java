package io.gatehouse.app;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.testing.ManualClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Run in a child JVM (SoftHSM reads SOFTHSM2_CONF when it loads): plays a ring's life on a clock set 40 days
 * back, so that when the command line runs on the real clock its first version is past its destruction window.
 * Arguments: data dir, config file, module, token label, PIN, registry URL, registry admin token.
 */
public final class DueVersionSeeder {
    private DueVersionSeeder() {
    }

    public static void main(String[] args) {
        ManualClock clock = new ManualClock(Instant.now().minus(Duration.ofDays(40)));
        AppDirectories directories = AppDirectories.forThisMachine().withDataDirectory(Path.of(args[0]))
                .withConfigFile(Path.of(args[1]));
        UpstreamClient http = new UpstreamClient("JWKS registry", HttpClients.standard(null), clock, d -> { },
                RandomGenerator.of("L64X128MixRandom"), 2, Duration.ofSeconds(2));
        try (Composition composition = Composition.open(directories, clock);
                TokenSession token = Pkcs11Modules.open(Path.of(args[2])).openSession(args[3], t -> args[4].toCharArray())) {
            KeyCustody custody = new KeyCustody(composition.store(), composition.auditLog(), composition.session(), token,
                    new JwksRegistryClient(http, URI.create(args[5]), args[6]), clock);
            custody.createRing(KeyCustody.AUDIT_RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            custody.rotate(KeyCustody.AUDIT_RING);
            custody.createRing("checkout", RotationPolicy.defaults(KeyAlgorithm.EC_P256));
            custody.rotate("checkout");
            custody.rotate("checkout");
            clock.advance(Duration.ofMinutes(71));
            custody.retire("checkout", 1);
        }
        System.exit(0);
    }
}
