package io.gatehouse.connectors.telemetry.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded, repeatable fuzzing: generated metrics written by the official Prometheus client must
 * parse back exactly; mutated texts may be refused but only ever with {@link ExpositionException};
 * and a sample of mutants is checked against promtool, so the two parsers agree beyond the corpus.
 */
class ExpositionFuzzTest {
    private static final String LABEL_CHARS = "abcXYZ019 _-.:\"\\\n\t{}=,#éß☃";
    private static final String MUTATION_CHARS = " \t{}\"\\=,#\n.-+e0123456789aZ_:";

    @Test
    void whatTheOfficialClientWritesParsesBackExactly() throws IOException {
        SplittableRandom random = new SplittableRandom(20261125);
        for (int round = 0; round < 200; round++) {
            PrometheusRegistry registry = new PrometheusRegistry();
            Map<String, Double> expected = new HashMap<>();
            Counter counter = Counter.builder().name("fuzz_events" + round).help("events").labelNames("region", "note")
                    .register(registry);
            Gauge gauge = Gauge.builder().name("fuzz_level" + round).help("level").labelNames("k").register(registry);
            Histogram histogram = Histogram.builder().name("fuzz_latency" + round).help("latency").classicOnly()
                    .classicUpperBounds(0.05, 0.1, 0.5, 1).labelNames("region").register(registry);
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                String region = randomText(random);
                String note = randomText(random);
                double amount = random.nextInt(1000) + random.nextDouble();
                counter.labelValues(region, note).inc(amount);
                expected.merge("fuzz_events" + round + "_total|" + region + "|" + note, amount, Double::sum);
                String k = randomText(random);
                double level = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-30, 30));
                gauge.labelValues(k).set(level);
                expected.put("fuzz_level" + round + "|" + k, level);
                histogram.labelValues(region).observe(random.nextDouble());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
            String text = out.toString(StandardCharsets.UTF_8);

            List<ExpositionSample> samples = ExpositionParserTest.parse(text);
            Map<String, Double> counted = new HashMap<>();
            long bucketsWithLe = 0;
            for (ExpositionSample s : samples) {
                if (s.name().endsWith("_total")) {
                    counted.merge(s.name() + "|" + s.label("region") + "|" + s.label("note"), s.value(), Double::sum);
                } else if (s.name().startsWith("fuzz_level")) {
                    counted.put(s.name() + "|" + s.label("k"), s.value());
                } else if (s.name().endsWith("_bucket")) {
                    assertThat(s.family()).isEqualTo("fuzz_latency" + round);
                    bucketsWithLe += s.label("le") != null ? 1 : 0;
                }
            }
            for (Map.Entry<String, Double> e : expected.entrySet()) {
                assertThat(counted.get(e.getKey())).as(e.getKey()).isCloseTo(e.getValue(),
                        org.assertj.core.data.Percentage.withPercentage(1e-9));
            }
            assertThat(bucketsWithLe).isPositive();
        }
    }

    @Test
    void mutatedTextIsRefusedCleanlyOrParsed() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        List<String> seeds = seedTexts();
        for (int i = 0; i < 30_000; i++) {
            String mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            try {
                new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(mutant), s -> { });
            } catch (ExpositionException expected) {
                assertThat(expected.line()).isPositive();
            }
        }
    }

    @Test
    void mutantsAreJudgedAsPromtoolJudgesThem() throws Exception {
        SplittableRandom random = new SplittableRandom(99);
        List<String> seeds = seedTexts();
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
            if (mutant.indexOf('\r') >= 0) {
                continue;
            }
            boolean ours;
            try {
                new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(mutant), s -> { });
                ours = true;
            } catch (ExpositionException e) {
                ours = false;
            }
            if (ours != PromtoolCrossCheckTest.promtoolParses(mutant)) {
                disagreements.add((ours ? "we accept, promtool refuses: " : "we refuse, promtool accepts: ")
                        + mutant.replace("\n", "⏎"));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    private static List<String> seedTexts() {
        return List.of("""
                # HELP checkout_attempts_total Attempts.
                # TYPE checkout_attempts_total counter
                checkout_attempts_total{region="eu",rail="card"} 1027 1764064800000
                # TYPE latency_seconds histogram
                latency_seconds_bucket{le="0.1"} 5
                latency_seconds_bucket{le="+Inf"} 9
                latency_seconds_sum 1.25
                latency_seconds_count 9
                """, """
                # TYPE rpc_seconds summary
                rpc_seconds{quantile="0.5"} 0.25
                rpc_seconds_sum 10
                rpc_seconds_count 40
                up{job="a \\"b\\" \\\\ c\\nd"} -Inf
                """);
    }

    private static String mutate(String text, SplittableRandom random) {
        StringBuilder b = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, MUTATION_CHARS.charAt(random.nextInt(MUTATION_CHARS.length())));
                default -> b.setCharAt(at, MUTATION_CHARS.charAt(random.nextInt(MUTATION_CHARS.length())));
            }
        }
        return b.toString();
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < random.nextInt(12); i++) {
            b.append(LABEL_CHARS.charAt(random.nextInt(LABEL_CHARS.length())));
        }
        return b.toString();
    }
}
