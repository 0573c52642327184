package io.gatehouse.data.maturity;

import io.gatehouse.data.files.SafeFileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where new assessments take their questions from: the user's copy of the catalogue in the data
 * directory when there is one, otherwise the catalogue shipped with the console. The user edits the
 * copy by hand or imports one; a broken copy is refused with its line and column, never half-read.
 */
public final class CatalogueSource {
    static final String DEFAULT_RESOURCE = "/io/gatehouse/data/maturity/default-catalogue.gatehouse.json";
    public static final String USER_FILE = "catalogue" + AssessmentFiles.EXTENSION;

    private final Path userCopy;
    private final SafeFileWriter writer;

    public CatalogueSource(Path dataDirectory, SafeFileWriter writer) {
        this.userCopy = Objects.requireNonNull(dataDirectory, "dataDirectory").resolve(USER_FILE);
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** The catalogue shipped with the console. */
    public static Catalogue shipped() {
        return AssessmentJson.readCatalogue(shippedBytes(), "the shipped catalogue");
    }

    static byte[] shippedBytes() {
        try (InputStream in = CatalogueSource.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped catalogue " + DEFAULT_RESOURCE + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path userCopy() {
        return userCopy;
    }

    /** The user's copy when present, else the shipped catalogue. */
    public Catalogue current() {
        if (Files.isRegularFile(userCopy)) {
            return AssessmentJson.readCatalogue(AssessmentFiles.readBounded(userCopy), userCopy.toString());
        }
        return shipped();
    }

    /** Puts a copy of the shipped catalogue in the data directory for the user to edit, unless one is there. */
    public void copyShippedIfAbsent() {
        if (!Files.exists(userCopy)) {
            writer.write(userCopy, shippedBytes());
        }
    }

    /** Makes {@code catalogue} the user's catalogue for new assessments. */
    public void install(Catalogue catalogue) {
        writer.write(userCopy, AssessmentJson.write(CatalogueDocument.of(catalogue)));
    }
}
