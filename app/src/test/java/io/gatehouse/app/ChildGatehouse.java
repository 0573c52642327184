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
        return runWithDescriptors(dir, config, softhsmConf, java.util.Arrays.asList(pin), extraEnv, args);
    }

    /** As {@link #run}, with one secret per descriptor: the first on 3, the next on 4, and so on. */
    static Run runWithDescriptors(Path dir, Path config, Path softhsmConf, List<String> secrets,
            Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        StringBuilder redirects = new StringBuilder();
        Map<String, String> env = new java.util.HashMap<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            Path file = dir.resolve("secret-" + System.nanoTime());
            Files.writeString(file, secrets.get(i) == null ? "" : secrets.get(i) + "\n");
            files.add(file);
            int fd = 3 + i;
            env.put("GATEHOUSE_TEST_FD" + fd, file.toString());
            redirects.append(' ').append(fd).append("<\"$GATEHOUSE_TEST_FD").append(fd).append('"');
        }
        List<String> command = new ArrayList<>(List.of("bash", "-c", "exec \"$@\"" + redirects,
                "bash", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "--config",
                config.toString(), "--data-dir", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SOFTHSM2_CONF", softhsmConf.toString());
        builder.environment().putAll(env);
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
        for (Path file : files) {
            Files.delete(file);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
