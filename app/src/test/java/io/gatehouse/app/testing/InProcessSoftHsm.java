package io.gatehouse.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The SoftHSM2 tokens the app's in-process tests use. SoftHSM reads SOFTHSM2_CONF (set by surefire in
 * app/pom.xml) and sees only the tokens that exist when its module first loads in this JVM, so every token is
 * made here, once, before any test loads it.
 */
public final class InProcessSoftHsm {
    public static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String PIN = "8642";
    /** The console's token-backed secret store. */
    public static final String CONSOLE_SECRETS = "console-secrets";
    /** The same, filled through the command line. */
    public static final String CLI_SECRETS = "cli-secrets";

    private static Path conf;

    private InProcessSoftHsm() {
    }

    /** Makes the tokens on first use and returns the configuration file child processes are given too. */
    public static synchronized Path prepare() throws Exception {
        if (conf != null) {
            return conf;
        }
        assertThat(MODULE).as("SoftHSM2 module (apt-get install softhsm2)").isRegularFile();
        String named = System.getenv("SOFTHSM2_CONF");
        assertThat(named).as("SOFTHSM2_CONF, set by app/pom.xml's surefire configuration").isNotNull();
        Path confFile = Path.of(named);
        Path tokens = confFile.resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (var old = Files.walk(tokens)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        for (String label : List.of(CONSOLE_SECRETS, CLI_SECRETS)) {
            ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label,
                    "--so-pin", "12348765", "--pin", PIN).redirectErrorStream(true);
            init.environment().put("SOFTHSM2_CONF", confFile.toString());
            Process p = init.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(output).isZero();
        }
        conf = confFile;
        return conf;
    }
}
