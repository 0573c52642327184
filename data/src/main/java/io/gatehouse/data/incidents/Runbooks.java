package io.gatehouse.data.incidents;

import io.gatehouse.data.anomaly.AnomalyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The remediation steps per alert type: the text shipped with the console, unless the team wrote
 * its own in {@code runbooks/<type>.txt} under the data directory. A file that cannot be read, or
 * is too large to be a runbook, falls back to the shipped text, which says so in its first step.
 */
public final class Runbooks {
    static final long MAX_BYTES = 64 * 1024;
    private static final String RESOURCE = "/io/gatehouse/data/incidents/runbooks/";

    private final Path directory;

    /** @param directory where overrides live, or null for the shipped texts only */
    public Runbooks(Path directory) {
        this.directory = directory;
    }

    /** Runbooks read from {@code runbooks/} under the data directory. */
    public static Runbooks inDataDirectory(Path dataDirectory) {
        return new Runbooks(dataDirectory.resolve("runbooks"));
    }

    /** The file that overrides the shipped text for {@code type}, whether it exists or not. */
    public Path overrideFile(AnomalyType type) {
        return directory == null ? null : directory.resolve(type.wireName() + ".txt");
    }

    /** The full runbook text for {@code type}. */
    public String text(AnomalyType type) {
        Path file = overrideFile(type);
        if (file != null && Files.isRegularFile(file)) {
            try {
                if (Files.size(file) <= MAX_BYTES) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    if (!text.isBlank()) {
                        return text;
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return "The runbook file " + file + " could not be read (" + e.getMessage() + "); showing the shipped steps.\n"
                        + shipped(type);
            }
            return "The runbook file " + file + " is empty or larger than " + MAX_BYTES / 1024
                    + " KiB; showing the shipped steps.\n" + shipped(type);
        }
        return shipped(type);
    }

    /** The runbook as steps: its non-blank lines. */
    public List<String> steps(AnomalyType type) {
        return Arrays.stream(text(type).split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String shipped(AnomalyType type) {
        try (InputStream in = Runbooks.class.getResourceAsStream(RESOURCE + type.wireName() + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("the shipped runbook for " + type.wireName() + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
