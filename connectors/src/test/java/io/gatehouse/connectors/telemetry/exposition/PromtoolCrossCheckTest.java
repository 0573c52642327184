package io.gatehouse.connectors.telemetry.exposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each input through Prometheus's own parser ({@code promtool check metrics}) and ours: both
 * must accept, or both refuse. promtool's lint complaints (missing HELP, naming) are not parse
 * errors and count as acceptance.
 */
class PromtoolCrossCheckTest {
    @BeforeAll
    static void promtoolIsInstalled() {
        assertThat(java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/promtool")))
                .as("promtool is missing: install Debian's 'prometheus' package (.ci/run does)")
                .isTrue();
    }

    static Stream<String> corpus() {
        return Stream.of(
                "a 1", "a{b=\"c\"} 1 123", "# TYPE a counter\na_total 1", "a 1d", "a{b=\"\\x\"} 1",
                "# TYPE h histogram\nh_bucket 1", "a 1\n# TYPE a gauge", "# TYPE a gauge\n# TYPE a gauge",
                "a{b=\"1\",b=\"2\"} 1", "a 1\na 2", "# TYPE s summary\ns 1", "a 0x1p3", "a nan", "a +Inf",
                "#HELP a x\na 1", "# HELP a x\\y\na 1", "a{b=\"c\",} 1", "a{__x=\"c\"} 1", ":a 1", "a 1 1.5",
                "# TYPE h histogram\nh 1", "a 1 -5", "a Infinity", "a .5", "a 5.", "a 1e5", "a{} 1", "a\t1",
                " a 1", "a{b=\"c\"}1", "a 1_000", "# FOO bar", "# HELP", "# HELP a", "# TYPE a",
                "a{b=\"c\" , d=\"e\"} 1", "# TYPE h histogram\nh_bucket{le=\"x\"} 1",
                "# TYPE s summary\ns{quantile=\"x\"} 1", "# TYPE a foo", "# TYPE a gauge extra", "a{b=c} 1",
                "a{1b=\"c\"} 1", "a{b=\"c\"} 1 2 3", "a 1 99999999999999999999", "a \"1\"", "a", "a{b=\"c\"}",
                "# HELP a x\n# HELP a y", "a{b=\"c\"d=\"e\"} 1", "# TYPE a gauge\na 1\n# HELP a late",
                "# TYPE h histogram\nh_sum{le=\"1\"} 1", "a{b=\"c\"} 1 +5", "a 1 ", "a -0", "a 1e", "a{b=\"é\"} 1",
                "a{b=\"c\\nd\"} 1", "# TYPE a gauge\n# HELP a x\na 1", "a{ b=\"c\"} 1", "a {b=\"c\"} 1",
                "a{b =\"c\"} 1", "a{b= \"c\"} 1", "# TYPE a untyped\na 1", "# TYPE a GAUGE\na 1",
                "  # TYPE a gauge\na 1", "#\tTYPE a gauge", "a{,} 1", "a 1 1 ", "a{b=\"c\"} NaN",
                "a{b=\"\\\"} 1", "a{b=\"c\"} 1\r", "a{b=\"c\"}  1", "a{b=\"c\"} 1  5", "a-b 1", "a.b 1",
                "a{b=\"c\"} -1.5e-3 0", "# TYPE a counter\n\n\na 1", "a 1e308", "a 1e309", "a 1e-400", "a -1e309", "a{b=\"\"} 1");
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void weAcceptExactlyWhatPrometheusAccepts(String text) throws Exception {
        String input = text + "\n";
        boolean promtoolAccepts = promtoolParses(input);
        boolean weAccept;
        try {
            new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(input), s -> { });
            weAccept = true;
        } catch (ExpositionException e) {
            weAccept = false;
        }
        assertThat(weAccept).as("input %s: promtool %s", text.replace("\n", "|"), promtoolAccepts ? "accepts" : "refuses")
                .isEqualTo(promtoolAccepts);
    }

    static boolean promtoolParses(String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return !output.contains("parsing error");
    }
}
