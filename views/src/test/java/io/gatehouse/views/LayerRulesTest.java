package io.gatehouse.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Views use data's records, services and ports, never its store or any connector. */
class LayerRulesTest {
    @Test
    void viewsImportNoConnectorAndNoStore() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(LayerRulesTest::lines)
                    .filter(line -> line.startsWith("import io.gatehouse.connectors")
                            || line.startsWith("import io.gatehouse.data.store")
                            || line.startsWith("import io.gatehouse.app"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
