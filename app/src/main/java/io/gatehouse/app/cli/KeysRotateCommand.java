package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.RotationOutcome;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenSession;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys rotate RING}: a new primary version, with the old one kept verify-only. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Rotate a key ring: generate the new version on the token, sign and verify a challenge with it,"
            + " publish it to the JWKS registry, check that it is served, make it primary, and keep the old version"
            + " verify-only through the grace period.",
            "A rotation stopped by a failure (or a killed console) is resumed from its recorded step by running"
            + " the command again; --roll-back abandons it instead. The old primary stays active either way.",
            "The registry's bearer token is read from $" + KeyRingOptions.REGISTRY_TOKEN_VARIABLE + "."})
public final class KeysRotateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyRingOptions options;

    @Parameters(index = "0", paramLabel = "RING", description = "Name of the key ring.")
    String ring;

    @Option(names = "--create", description = "Create the ring first when it does not exist, with the policy below.")
    boolean create;

    @Option(names = "--algorithm", paramLabel = "ALG", defaultValue = "EC_P256",
            description = "Algorithm of a new ring: EC_P256, EC_P384 or RSA_3072 (default ${DEFAULT-VALUE}).")
    KeyAlgorithm algorithm;

    @Option(names = "--roll-back", description = "Abandon the ring's interrupted rotation instead of resuming it.")
    boolean rollBack;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InstantSource clock = InstantSource.system();
        try (Composition composition = Composition.open(KeyRingOptions.global(spec).directories(), clock);
                TokenSession token = options.openToken(spec)) {
            KeyCustody custody = new KeyCustody(composition.store(), composition.auditLog(), composition.session(),
                    token, options.registry(spec, composition), clock);
            if (create && custody.ring(ring).isEmpty()) {
                custody.createRing(ring, RotationPolicy.defaults(algorithm));
            }
            if (rollBack) {
                var v = custody.rollBack(ring);
                if (options.json) {
                    KeyRingText.printJson(out, Map.of("rolledBack", KeyRingText.version(v)));
                } else {
                    out.printf("Rolled back version %d of ring '%s' at step %s; the primary version is unchanged.%n",
                            v.number(), ring, KeyRingText.lower(v.step().name()));
                }
                out.flush();
                return ExitCode.OK;
            }
            RotationOutcome outcome = custody.rotate(ring);
            if (options.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("active", KeyRingText.version(outcome.active()));
                doc.put("retiring", outcome.retiring().map(KeyRingText::version).orElse(null));
                doc.put("resumedFrom", outcome.resumedFrom().map(s -> KeyRingText.lower(s.name())).orElse(null));
                KeyRingText.printJson(out, doc);
            } else {
                outcome.resumedFrom().ifPresent(s -> out.printf("Resumed the interrupted rotation after step %s.%n",
                        KeyRingText.lower(s.name())));
                out.printf("Version %d of ring '%s' is primary (kid %s).%n", outcome.active().number(), ring,
                        outcome.active().kid());
                outcome.retiring().ifPresent(v -> out.printf("Version %d is verify-only until %s; retire it after that"
                        + " with: gatehouse keys retire %s %d%n", v.number(), v.dueAt(), ring, v.number()));
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
