package io.gatehouse.connectors.telemetry.exposition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionParserTest {
    static List<ExpositionSample> parse(String text) throws IOException {
        List<ExpositionSample> out = new ArrayList<>();
        new ExpositionParser(ExpositionLimits.DEFAULT).parse(new StringReader(text), out::add);
        return out;
    }

    @Test
    void readsFamiliesLabelsValuesAndTimestamps() throws IOException {
        List<ExpositionSample> samples = parse("""
                # HELP checkout_attempts_total Checkout attempts.
                # TYPE checkout_attempts_total counter
                checkout_attempts_total{region="eu",rail="card"} 1027 1764064800000
                checkout_attempts_total{region="jp",rail="wallet",} 3.5e2
                # TYPE latency_seconds histogram
                latency_seconds_bucket{region="eu",le="0.1"} 5
                latency_seconds_bucket{region="eu",le="+Inf"} 9
                latency_seconds_sum{region="eu"} 1.25
                latency_seconds_count{region="eu"} 9
                up NaN
                temperature{room="a \\"quoted\\" \\\\ line\\nbreak"} -Inf
                """);
        assertThat(samples).hasSize(8);
        ExpositionSample first = samples.getFirst();
        assertThat(first.family()).isEqualTo("checkout_attempts_total");
        assertThat(first.type()).isEqualTo(MetricType.COUNTER);
        assertThat(first.label("region")).isEqualTo("eu");
        assertThat(first.value()).isEqualTo(1027);
        assertThat(first.timestampMillis()).isEqualTo(1764064800000L);
        assertThat(samples.get(1).value()).isEqualTo(350);
        assertThat(samples.get(3)).satisfies(s -> {
            assertThat(s.family()).isEqualTo("latency_seconds");
            assertThat(s.type()).isEqualTo(MetricType.HISTOGRAM);
            assertThat(s.name()).isEqualTo("latency_seconds_bucket");
            assertThat(s.label("le")).isEqualTo("+Inf");
        });
        assertThat(samples.get(5).family()).isEqualTo("latency_seconds");
        assertThat(samples.get(6).value()).isNaN();
        assertThat(samples.get(7).label("room")).isEqualTo("a \"quoted\" \\ line\nbreak");
        assertThat(samples.get(7).value()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> parse("ok 1\nok2{a=\"x\" 1\n"))
                .isInstanceOfSatisfying(ExpositionException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(11);
                })
                .hasMessageContaining("line 2");
    }

    @Test
    void aHugeLineIsRefusedWithoutBufferingIt() {
        // 50 million characters with no line break; the parser holds at most 1,024 of them
        Reader huge = new Reader() {
            private long served;

            @Override
            public int read(char[] buf, int off, int len) {
                if (served >= 50_000_000) {
                    return -1;
                }
                java.util.Arrays.fill(buf, off, off + len, 'a');
                served += len;
                return len;
            }

            @Override
            public void close() {
            }
        };
        ExpositionParser parser = new ExpositionParser(new ExpositionLimits(1024, 8, 10, 10));
        assertThatThrownBy(() -> parser.parse(huge, s -> { })).isInstanceOf(ExpositionException.class)
                .hasMessageContaining("longer than 1024");
    }

    @Test
    void limitsOnLabelsFamiliesAndSamples() {
        ExpositionParser parser = new ExpositionParser(new ExpositionLimits(1024, 2, 2, 3));
        assertThatThrownBy(() -> parser.parse(new StringReader("a{x=\"1\",y=\"2\",z=\"3\"} 1\n"), s -> { }))
                .hasMessageContaining("more than 2 labels");
        assertThatThrownBy(() -> new ExpositionParser(new ExpositionLimits(1024, 2, 2, 3))
                .parse(new StringReader("a 1\nb 1\nc 1\n"), s -> { })).hasMessageContaining("more than 2 metric families");
        assertThatThrownBy(() -> new ExpositionParser(new ExpositionLimits(1024, 2, 2, 3))
                .parse(new StringReader("a 1\na 1\na 1\na 1\n"), s -> { })).hasMessageContaining("more than 3 samples");
    }
}
