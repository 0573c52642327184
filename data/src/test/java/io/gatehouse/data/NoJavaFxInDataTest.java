package io.gatehouse.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The data module stays free of UI and network libraries, so views and connectors can be swapped. */
class NoJavaFxInDataTest {
    @Test
    void dataImportsNoJavaFxOkHttpOrPkcs11Internals() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(NoJavaFxInDataTest::lines)
                    .filter(line -> line.startsWith("import javafx") || line.startsWith("import okhttp3")
                            || line.startsWith("import sun.security.pkcs11"))
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
