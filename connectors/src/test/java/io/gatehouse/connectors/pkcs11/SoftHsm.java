package io.gatehouse.connectors.pkcs11;

import io.gatehouse.data.keys.token.PinSource;
import io.gatehouse.data.keys.token.TokenPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private SoftHSM2 token directory for the tests, under target/softhsm. Surefire sets
 * SOFTHSM2_CONF to its configuration file; the first use writes that file, empties the token
 * directory and initializes the test tokens before the module is loaded. The external tools are
 * required: a machine without them fails here with a message, it never skips.
 */
final class SoftHsm {
    static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String SO_PIN = "87654321";
    static final String PIN = "4711";
    /** Generation and signing tests. */
    static final String CUSTODY = "custody";
    /** Login failures; nothing else logs in there. */
    static final String FAULTS = "faults";
    /** Keys planted by pkcs11-tool for the findings. */
    static final String AUDIT = "audit";
    /** Key ring rotations end to end, with the sandbox as the JWKS registry. */
    static final String ROTATION = "rotation";
    /** Two custodians' smartcards, for dual-control destruction. */
    static final String CARD_KIM = "card-kim";
    static final String CARD_LOU = "card-lou";
    /** Operators' own cards for signing in to the console and unlocking it. */
    static final String CARD_ANA = "card-ana";
    static final String CARD_BEN = "card-ben";
    /** A client certificate and its key pair for mutual TLS through SunPKCS11. */
    static final String MTLS = "mtls";

    private static boolean ready;

    private SoftHsm() {
    }

    static synchronized TokenPort port() {
        prepare();
        return Pkcs11Modules.open(MODULE);
    }

    static PinSource pin() {
        return token -> PIN.toCharArray();
    }

    static synchronized void prepare() {
        if (ready) {
            return;
        }
        for (String tool : List.of("softhsm2-util", "pkcs11-tool", "openssl")) {
            if (!onPath(tool)) {
                throw new AssertionError(tool + " is not installed. The token tests need the Debian packages softhsm2"
                        + " and opensc, and openssl: apt-get install -y softhsm2 opensc openssl (.ci/run does this).");
            }
        }
        if (!Files.isRegularFile(MODULE)) {
            throw new AssertionError(MODULE + " is missing: apt-get install -y softhsm2");
        }
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new AssertionError("SOFTHSM2_CONF is not set: run these tests through Maven, whose surefire"
                    + " configuration in connectors/pom.xml sets it");
        }
        try {
            Path confFile = Path.of(conf);
            Path tokens = confFile.resolveSibling("tokens");
            if (Files.exists(tokens)) {
                try (Stream<Path> old = Files.walk(tokens)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                    + "log.level = ERROR\nslots.removable = false\n");
            for (String label : List.of(CUSTODY, FAULTS, AUDIT, ROTATION, CARD_KIM, CARD_LOU, MTLS, CARD_ANA, CARD_BEN)) {
                run("softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", PIN);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot prepare the SoftHSM token directory", e);
        }
        ready = true;
    }

    /** Runs pkcs11-tool on a test token, logged in. */
    static String pkcs11Tool(String tokenLabel, String... args) {
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", MODULE.toString(), "--token-label",
                tokenLabel, "--login", "--pin", PIN));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    /** Runs a command with the test SOFTHSM2_CONF inherited; returns its output, fails on a non-zero exit. */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
