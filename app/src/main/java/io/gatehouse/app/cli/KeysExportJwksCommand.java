package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.data.keys.KeyRingView;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys export-jwks}: the public key set as rotations publish it. */
@Command(name = "export-jwks", mixinStandardHelpOptions = true,
        description = {"Print the JWKS that rotations publish: the public key of every pending, active and"
            + " retiring version, each under its RFC 7638 thumbprint. Public keys only."})
public final class KeysExportJwksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyRingOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InstantSource clock = InstantSource.system();
        try (Composition composition = Composition.open(KeyRingOptions.global(spec).directories(), clock)) {
            var keys = new KeyRingView(composition.store(), composition.session(), clock).publishedKeys();
            // a JWKS is JSON either way; --json is accepted so every keys command takes the same options
            out.println(JwksRegistryClient.keySet(keys).toString(true));
            out.flush();
            return ExitCode.OK;
        }
    }
}
