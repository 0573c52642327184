package io.gatehouse.data.maturity;

import io.gatehouse.data.files.SafeFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Assessment and catalogue files ({@code *.gatehouse.json}). Reading is all or nothing: a file is
 * parsed and checked completely before anything is used. Writing goes through {@link SafeFileWriter},
 * so a failed export leaves no partial file.
 */
public final class AssessmentFiles {
    /** Larger files are refused unread: a real assessment is a few hundred kilobytes at most. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final String EXTENSION = ".gatehouse.json";
    private static final int CHUNK = 8 * 1024;

    private final SafeFileWriter writer;

    public AssessmentFiles(SafeFileWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    public void exportAssessments(Path target, List<Assessment> assessments) {
        writeChunked(target, AssessmentJson.write(AssessmentsDocument.of(assessments)));
    }

    public void exportCatalogue(Path target, Catalogue catalogue) {
        writeChunked(target, AssessmentJson.write(CatalogueDocument.of(catalogue)));
    }

    // Written in pieces, like any streamed export, so a disk that fills up part way is met part way.
    private void writeChunked(Path target, byte[] bytes) {
        writer.write(target, out -> {
            for (int at = 0; at < bytes.length; at += CHUNK) {
                out.write(bytes, at, Math.min(CHUNK, bytes.length - at));
                out.flush();
            }
        });
    }

    public List<Assessment> readAssessments(Path file) {
        return AssessmentJson.readAssessments(readBounded(file), file.getFileName().toString()).assessments();
    }

    /**
     * Whether {@code file} declares itself a criteria catalogue rather than assessments, so a file opened from
     * the desktop goes to the right import. Anything unreadable counts as "not a catalogue"; the assessment
     * import then says what is wrong with it.
     */
    public boolean isCatalogue(Path file) {
        try {
            if (java.nio.file.Files.size(file) > MAX_BYTES) {
                return false;
            }
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(file.toFile());
            return root != null && CatalogueDocument.FORMAT.equals(root.path("format").asText());
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    public Catalogue readCatalogue(Path file) {
        return AssessmentJson.readCatalogue(readBounded(file), file.getFileName().toString());
    }

    /** Reads at most {@link #MAX_BYTES}; a larger file is refused before it is parsed. */
    static byte[] readBounded(Path file) {
        String name = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new AssessmentFileException("Cannot import " + name + ": it is larger than "
                        + (MAX_BYTES / (1024 * 1024)) + " MiB, too large for an assessment file. Nothing was imported.", null);
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new AssessmentFileException("Cannot import " + name + ": the file does not exist.", e);
        } catch (IOException e) {
            throw new AssessmentFileException("Cannot import " + name + ": " + e.getMessage() + ". Nothing was imported.", e);
        }
    }
}
