package io.gatehouse.data.maturity;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes assessment and catalogue documents strictly: unknown fields, duplicate keys,
 * missing numbers and trailing content are refused, and every refusal is one sentence with the line
 * and column, so a hand-edited file can be fixed.
 */
public final class AssessmentJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private AssessmentJson() {
    }

    public static byte[] write(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName(), e);
        }
    }

    /** Reads an assessments file; {@code what} names it in errors. */
    public static AssessmentsDocument readAssessments(byte[] bytes, String what) {
        checkHeader(bytes, what, AssessmentsDocument.FORMAT, AssessmentsDocument.VERSION);
        AssessmentsDocument doc = read(bytes, what, AssessmentsDocument.class);
        if (doc.assessments() == null || doc.assessments().isEmpty()) {
            throw new AssessmentFileException("Cannot import " + what + ": it holds no assessment. Nothing was imported.", null);
        }
        Set<String> ids = new HashSet<>();
        for (Assessment a : doc.assessments()) {
            if (a == null) {
                throw new AssessmentFileException("Cannot import " + what + ": an assessment is empty. Nothing was imported.", null);
            }
            if (!ids.add(a.id())) {
                throw new AssessmentFileException("Cannot import " + what + ": duplicate id '" + a.id()
                        + "'. Nothing was imported.", null);
            }
        }
        return doc;
    }

    /** Reads a catalogue file; {@code what} names it in errors. */
    public static Catalogue readCatalogue(byte[] bytes, String what) {
        checkHeader(bytes, what, CatalogueDocument.FORMAT, CatalogueDocument.VERSION);
        CatalogueDocument doc = read(bytes, what, CatalogueDocument.class);
        if (doc.catalogue() == null) {
            throw new AssessmentFileException("Cannot import " + what + ": it holds no catalogue. Nothing was imported.", null);
        }
        return doc.catalogue();
    }

    /** One stored assessment, as the local store keeps it. */
    static Assessment readStored(String json) {
        try {
            return MAPPER.readValue(json, Assessment.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored assessment cannot be read: " + e.getMessage(), e);
        }
    }

    static String writeStored(Assessment a) {
        try {
            return MAPPER.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store assessment " + a.id(), e);
        }
    }

    // The format and version are checked before the body, so a file of a newer version gets the
    // version message rather than whatever field it added first.
    private static void checkHeader(byte[] bytes, String what, String format, int version) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw refused(what, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new AssessmentFileException("Cannot import " + what + ": it is not a JSON object. Nothing was imported.", null);
        }
        JsonNode f = tree.get("format");
        if (f == null || !f.isTextual() || !f.textValue().equals(format)) {
            throw new AssessmentFileException("Cannot import " + what + ": it is not a " + format + " file (format is "
                    + (f == null ? "missing" : f.toString()) + "). Nothing was imported.", null);
        }
        JsonNode v = tree.get("version");
        if (v == null || !v.isInt() || v.intValue() != version) {
            throw new AssessmentFileException("Cannot import " + what + ": format version " + (v == null ? "missing" : v.toString())
                    + " is not supported; this console reads version " + version + ". Nothing was imported.", null);
        }
    }

    private static <T> T read(byte[] bytes, String what, Class<T> type) {
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            return MAPPER.readValue(parser, type);
        } catch (IOException e) {
            throw refused(what, e);
        }
    }

    private static AssessmentFileException refused(String what, IOException e) {
        String reason = rootMessage(e);
        String where = "";
        if (e instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
            JsonLocation at = jpe.getLocation();
            where = " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return new AssessmentFileException("Cannot import " + what + ": " + reason + where + ". Nothing was imported.", e);
    }

    // Our own constructors speak in sentences; Jackson's messages carry the first line only.
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException || root instanceof NullPointerException) {
            return String.valueOf(root.getMessage());
        }
        if (e instanceof JsonProcessingException jpe) {
            String m = jpe.getOriginalMessage();
            return m == null ? "malformed JSON" : m.lines().findFirst().orElse(m).replaceAll("\\s*\\(for .*$", "");
        }
        return String.valueOf(e.getMessage());
    }

}
