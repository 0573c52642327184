package io.gatehouse.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the launcher's main class in a child JVM on the test classpath, with a PIN offered on file
 * descriptor 3 (empty when none), as the key commands read it.
 */
final class ChildGatehouse {
    record Run(int exit, String out, String err) {
    }

    private ChildGatehouse() {
    }

    static Run run(Path dir, Path softhsmConf, String pin, Map<String, String> extraEnv, String... args)
            throws IOException, InterruptedException {
        return run(dir, dir.resolve("absent.yaml"), softhsmConf, pin, extraEnv, args);
    }

    /** As {@link #run}, with a configuration file; {@code pin} is whatever secret the command reads on descriptor 3. */
    static Run run(Path dir, Path config, Path softhsmConf, String pin, Map<String, String> extraEnv, String... args)
            throws IOException, InterruptedException {
        Path pinFile = dir.resolve("pin-" + System.nanoTime());
        Files.writeString(pinFile, pin == null ? "" : pin + "\n");
        List<String> command = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" 3<\"$GATEHOUSE_TEST_PIN_FILE\"",
                "bash", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "--config",
                config.toString(), "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        builder.environment().put("GATEHOUSE_TEST_PIN_FILE", pinFile.toString());
        // nothing from the machine running the tests leaks into the child's registry access
        builder.environment().remove("GATEHOUSE_JWKS_ADMIN_TOKEN");
        builder.environment().putAll(extraEnv);
        Path out = dir.resolve("out-" + System.nanoTime());
        Path err = dir.resolve("err-" + System.nanoTime());
        Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("gatehouse " + String.join(" ", args) + " did not finish in 120 s");
        }
        Files.delete(pinFile);
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
