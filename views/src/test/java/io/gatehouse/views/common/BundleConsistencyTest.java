package io.gatehouse.views.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bundle has every key, and every key is used: as a string literal in the views' Java code or
 * as {@code %key} in an FXML file. Keys are always written out whole so this search can find them.
 */
class BundleConsistencyTest {
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z][A-Za-z0-9]*)+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][A-Za-z0-9.]*)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final Properties english = bundle("messages.properties");
    private final Properties german = bundle("messages_de.properties");

    @Test
    void everyBundleHasEveryKey() {
        assertThat(german.stringPropertyNames()).as("keys missing from messages_de.properties")
                .containsAll(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).as("keys missing from messages.properties")
                .containsAll(german.stringPropertyNames());
    }

    @Test
    void noMessageIsEmptyAndPlaceholdersMatch() {
        for (String key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as(key).isNotBlank();
            assertThat(german.getProperty(key, "")).as(key).isNotBlank();
            assertThat(placeholders(german.getProperty(key, ""))).as("placeholders of " + key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @Test
    void everyKeyIsUsedByCodeOrFxml() throws IOException {
        Set<String> used = usedKeys();
        Set<String> unused = new TreeSet<>(english.stringPropertyNames());
        unused.removeAll(used);
        assertThat(unused).as("keys no Java or FXML file uses").isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> prefixes = english.stringPropertyNames().stream()
                .map(key -> key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (String key : usedKeys()) {
            String prefix = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (prefixes.contains(prefix) && !english.containsKey(key)) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys used in code or FXML but missing from the bundles").isEmpty();
    }

    private static Set<String> usedKeys() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(JAVA_LITERAL.matcher(Files.readString(file)), used);
            }
        }
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                collect(FXML_KEY.matcher(Files.readString(file)), used);
            }
        }
        return used;
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        collect(PLACEHOLDER.matcher(message), found);
        return found;
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(BundleConsistencyTest.class.getResourceAsStream("/io/gatehouse/views/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
