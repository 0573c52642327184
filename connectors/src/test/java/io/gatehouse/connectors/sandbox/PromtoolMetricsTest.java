package io.gatehouse.connectors.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The /metrics output passes Prometheus's own linter. promtool is required: CI installs it. */
class PromtoolMetricsTest {

    @Test
    void metricsPassPromtoolCheckMetrics() throws Exception {
        Path promtool = findPromtool().orElse(null);
        if (promtool == null) {
            fail("promtool is not installed, but this test needs it: install Debian's 'prometheus' package "
                    + "(apt-get install prometheus), or put promtool on PATH");
        }
        List<ScenarioActivation> all = Arrays.stream(AttackScenario.values()).map(ScenarioActivation::of).toList();
        String metrics;
        try (SandboxFixture sandbox = new SandboxFixture(9, all)) {
            metrics = sandbox.advance(Duration.ofHours(2)).get("/metrics").body();
        }
        assertThat(metrics).contains("sandbox_checkout_latency_seconds_bucket", "sandbox_declines_total");

        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(p.exitValue()).as("promtool check metrics said:%n%s", out).isZero();
        assertThat(out.strip()).as("promtool lint findings").isEmpty();
    }

    private static Optional<Path> findPromtool() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path debian = Path.of("/usr/bin/promtool");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }
}
