package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.data.keys.KeyRingView;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys export-jwks}: the public key set as rotations publish it. */
@Command(name = "export-jwks", mixinStandardHelpOptions = true,
        description = {"Print the JWKS that rotations publish: the public key of every pending, active and"
            + " retiring version, each under its RFC 7638 thumbprint. Public keys only.",
            "With --out, the set replaces that file in one step, for a web server that serves the JWKS as a static"
            + " file: a relying party never fetches half a file."})
public final class KeysExportJwksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyRingOptions options;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the JWKS to this file (replaced atomically) instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        InstantSource clock = InstantSource.system();
        try (Composition composition = Composition.open(KeyRingOptions.global(spec).directories(), clock)) {
            var keys = new KeyRingView(composition.store(), composition.session(), clock).publishedKeys();
            // a JWKS is JSON either way; --json is accepted so every keys command takes the same options
            String jwks = JwksRegistryClient.keySet(keys).toString(true);
            if (out == null) {
                stdout.println(jwks);
            } else {
                try {
                    writeAtomically(out.toAbsolutePath(), jwks + "\n");
                } catch (IOException e) {
                    spec.commandLine().getErr().println("Could not write the JWKS to " + out + ": " + e.getMessage()
                            + ". The file there, if any, is unchanged.");
                    return ExitCode.LOCAL_STORE; // a local file could not be written, as when the store cannot be
                }
                stdout.println("Wrote " + keys.size() + (keys.size() == 1 ? " key" : " keys") + " to " + out);
            }
            stdout.flush();
            return ExitCode.OK;
        }
    }

    /** A temporary file beside the target, then a rename: readers see the old set or the new one. */
    private static void writeAtomically(Path target, String content) throws IOException {
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
