package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.token.TokenSession;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys retire RING VERSION}: out of the JWKS, and scheduled for destruction. */
@Command(name = "retire", mixinStandardHelpOptions = true,
        description = {"Retire a verify-only version once its grace period is over: remove it from the JWKS,"
            + " check the registry no longer serves it, and schedule its destruction after the ring's window.",
            "Tokens it signed stop verifying. Refused before the grace period ends."})
public final class KeysRetireCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyRingOptions options;

    @Parameters(index = "0", paramLabel = "RING", description = "Name of the key ring.")
    String ring;

    @Parameters(index = "1", paramLabel = "VERSION", description = "Version number, e.g. 3.")
    int version;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InstantSource clock = InstantSource.system();
        try (Composition composition = Composition.open(KeyRingOptions.global(spec).directories(), clock);
                TokenSession token = options.openToken(spec)) {
            KeyVersion v = new KeyCustody(composition.store(), composition.auditLog(), composition.session(), token,
                    options.registry(spec, composition), clock).retire(ring, version);
            if (options.json) {
                KeyRingText.printJson(out, KeyRingText.version(v));
            } else {
                out.printf("Version %d of ring '%s' is out of the JWKS and scheduled for destruction after %s.%n",
                        v.number(), ring, v.dueAt());
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
