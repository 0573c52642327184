package io.gatehouse.connectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.telemetry.exposition.ExpositionLimits;
import io.gatehouse.connectors.telemetry.exposition.ExpositionParser;
import io.gatehouse.data.anomaly.AnomalyDetector;
import io.gatehouse.data.anomaly.AnomalySettings;
import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Detection;
import io.gatehouse.data.anomaly.KpiObservations;
import io.gatehouse.data.telemetry.KpiQueries;
import io.gatehouse.data.testing.ManualClock;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The detector over a real Prometheus with hours of history: the sandbox (seed 42) is run for four
 * clean simulated hours and then under credential stuffing in eu, its {@code /metrics} read every 30
 * simulated seconds and written as timestamped OpenMetrics; {@code promtool tsdb create-blocks-from
 * openmetrics} turns that into TSDB blocks, a Prometheus serves them from a temporary directory, and
 * the console's Prometheus connector asks it for the KPIs minute by minute with {@code time=} in the
 * past, as the console would have live. The attack must be found within five simulated minutes, and
 * nothing raised in the clean hours.
 */
class AnomalyDetectionOnBackfilledPrometheusTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** A Tuesday morning in Europe, months before this test could run: the blocks are history, older than any head. */
    private static final Instant START = Instant.parse("2026-03-03T06:00:00Z");
    private static final Instant ATTACK = START.plus(Duration.ofHours(4));
    private static final Instant END = ATTACK.plus(Duration.ofMinutes(15));
    private static final Duration SCRAPE = Duration.ofSeconds(30);
    private static final Duration DETECT_WITHIN = Duration.ofMinutes(5);

    @Test
    void credentialStuffingInBackfilledHistoryIsFoundWithinFiveMinutesAndTheCleanHoursStayQuiet() throws Exception {
        PrometheusProcess.requireBinary(PrometheusProcess.BINARY, "the backfilled Prometheus detection test");
        PrometheusProcess.requireBinary(PROMTOOL, "the backfilled Prometheus detection test");
        Path dir = Files.createTempDirectory("gatehouse-backfill-");
        long samples;
        try {
            samples = writeHistory(dir.resolve("history.om"));
            backfill(dir.resolve("history.om"), dir.resolve("tsdb"));
            Files.delete(dir.resolve("history.om"));
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            deleteTree(dir);
            throw e;
        }

        try (PrometheusProcess prometheus = PrometheusProcess.overTsdb(dir)) {
            ManualClock clock = new ManualClock(START);
            UpstreamClient client = new UpstreamClient("Prometheus", HttpClients.standard(null), clock, clock::advance,
                    RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(10));
            PrometheusSource source = new PrometheusSource(client, prometheus.baseUrl(), KpiQueries.defaults(),
                    PrometheusAuth.none());
            KpiObservations observations = new KpiObservations(source, Duration.ofMinutes(5));
            AnomalyDetector detector = new AnomalyDetector(AnomalySettings.standard());

            List<Detection> clean = new ArrayList<>();
            List<Detection> attacked = new ArrayList<>();
            int regionsSeen = 0;
            long startedNanos = System.nanoTime();
            // the first turn once a 5-minute rate has its history
            for (Instant at = START.plus(Duration.ofMinutes(6)); !at.isAfter(END); at = at.plus(Duration.ofMinutes(1))) {
                clock.set(at);
                var seen = observations.observe(at);
                regionsSeen = Math.max(regionsSeen, (int) seen.stream().map(o -> o.region()).distinct().count());
                List<Detection> opened = detector.observeAll(seen).stream()
                        .filter(d -> d.kind() == Detection.Kind.OPENED).toList();
                (at.isBefore(ATTACK) ? clean : attacked).addAll(opened);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
            Detection found = attacked.stream().filter(d -> d.region().equals("eu")
                    && d.type() == AnomalyType.CREDENTIAL_STUFFING).findFirst().orElse(null);
            System.out.printf("backfilled Prometheus: %d samples over %s, %d observations of %d regions in %d ms;"
                    + " credential stuffing found %s after its start; clean-hour alerts %s; others after %s%n",
                    samples, Duration.between(START, END), detector.observations(), regionsSeen, took.toMillis(),
                    found == null ? "never" : Duration.between(ATTACK, found.at()), describe(clean),
                    describe(attacked.stream().filter(d -> d != found).toList()));

            assertThat(regionsSeen).as("regions answered by Prometheus").isGreaterThanOrEqualTo(6);
            assertThat(clean).as("alerts in the clean hours").isEmpty();
            assertThat(found).as("credential stuffing in eu; raised: %s", describe(attacked)).isNotNull();
            assertThat(Duration.between(ATTACK, found.at())).isLessThanOrEqualTo(DETECT_WITHIN);
            assertThat(attacked).as("only the attacked region and type are raised")
                    .allMatch(d -> d.region().equals("eu") && d.type() == AnomalyType.CREDENTIAL_STUFFING);
        }
    }

    private static List<String> describe(List<Detection> detections) {
        return detections.stream().map(d -> d.region() + "/" + d.signal() + " at " + d.at()).toList();
    }

    /**
     * The sandbox's metrics from START to END, one reading per SCRAPE, as OpenMetrics with
     * timestamps. OpenMetrics wants each metric's samples together, so the readings are gathered
     * per metric name first; untyped metrics keep the names as the sandbox writes them.
     */
    private static long writeHistory(Path file) throws IOException {
        Map<String, StringBuilder> byName = new LinkedHashMap<>();
        long samples = 0;
        ManualClock clock = new ManualClock(START);
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults(42, START).withWallClock(clock))) {
            for (Instant at = START; !at.isAfter(END); at = at.plus(SCRAPE)) {
                clock.set(at);
                if (at.equals(ATTACK)) {
                    sandbox.setScenario(AttackScenario.CREDENTIAL_STUFFING, true);
                }
                String seconds = String.format(Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
                String text = new String(sandbox.metricsText(), StandardCharsets.UTF_8);
                // a parser reads one exposition: it remembers the families it has seen
                samples += new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(text), s -> {
                    StringBuilder line = byName.computeIfAbsent(s.name(), n -> new StringBuilder());
                    line.append(s.name()).append('{');
                    for (int i = 0; i < s.labels().size(); i += 2) {
                        if (i > 0) {
                            line.append(',');
                        }
                        line.append(s.labels().get(i)).append("=\"").append(escape(s.labels().get(i + 1))).append('"');
                    }
                    line.append("} ").append(value(s.value())).append(' ').append(seconds).append('\n');
                });
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (StringBuilder lines : byName.values()) {
                out.append(lines);
            }
            out.append("# EOF\n");
        }
        return samples;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(v);
    }

    private static void backfill(Path openMetrics, Path tsdb) throws IOException, InterruptedException {
        Path log = openMetrics.resolveSibling("promtool.log");
        Process p = new ProcessBuilder(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics",
                openMetrics.toString(), tsdb.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("promtool did not finish backfilling within 5 minutes");
        }
        String output = Files.readString(log);
        assertThat(p.exitValue()).as("promtool create-blocks-from openmetrics:\n%s", output).isZero();
    }
}
