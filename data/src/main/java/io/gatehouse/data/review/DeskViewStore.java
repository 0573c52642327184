package io.gatehouse.data.review;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.files.SafeFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One operator's saved queue views, as a small JSON file in the data directory. Reading is strict: a
 * file that does not parse is moved aside (never overwritten) and the operator is told where it went.
 */
public final class DeskViewStore {
    static final int MAX_VIEWS = 100;
    private static final int MAX_BYTES = 256 * 1024;

    private final Path file;
    private final SafeFileWriter writer;
    private final InstantSource clock;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** The views of {@code operatorId}, kept in {@code dataDirectory}. */
    public DeskViewStore(Path dataDirectory, String operatorId, SafeFileWriter writer, InstantSource clock) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(operatorId, "operatorId");
        // an operator id is free text in the configuration; the file name keeps only safe characters
        String safe = operatorId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        this.file = dataDirectory.resolve("desk-views-" + safe + ".json");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path file() {
        return file;
    }

    /**
     * The saved views, in the order saved; none when the file does not exist yet. A file that cannot
     * be read is moved aside to a {@code .broken-<time>} name and reported with a {@link GatehouseException}.
     */
    public List<DeskView> load() {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw broken("it is larger than " + MAX_BYTES / 1024 + " KB", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new GatehouseException(FailureKind.LOCAL_STORE, "Your saved views in " + file
                    + " cannot be read (" + e.getMessage() + "). Check the file's permissions.", e);
        }
        List<DeskView> views;
        try {
            views = json.readValue(bytes, new TypeReference<List<DeskView>>() { });
        } catch (JacksonException e) {
            JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getLocation() : null;
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e instanceof MismatchedInputException ? "an unexpected value" : "invalid JSON";
            throw broken(what + where, e);
        } catch (IllegalArgumentException e) {
            throw broken(e.getMessage(), e);
        } catch (IOException e) {
            throw broken("it cannot be parsed (" + e.getMessage() + ")", e);
        }
        if (views == null || views.contains(null)) {
            throw broken("it holds an empty entry", null);
        }
        Set<String> names = new HashSet<>();
        for (DeskView view : views) {
            if (!names.add(view.name().toLowerCase(Locale.ROOT))) {
                throw broken("the name '" + view.name() + "' is used twice", null);
            }
        }
        return List.copyOf(views);
    }

    /** Replaces the saved views with {@code views}; a name may be used once, ignoring case. */
    public void save(List<DeskView> views) {
        Objects.requireNonNull(views, "views");
        if (views.size() > MAX_VIEWS) {
            throw new GatehouseException(FailureKind.LOCAL_STORE, "Keep at most " + MAX_VIEWS
                    + " saved views; delete one you no longer use first.");
        }
        try {
            Files.createDirectories(file.getParent());
            writer.write(file, json.writeValueAsBytes(new ArrayList<>(views)));
        } catch (IOException e) {
            throw new GatehouseException(FailureKind.LOCAL_STORE, "Your saved views could not be written to "
                    + file + " (" + e.getMessage() + "). Check that the folder is writable.", e);
        }
    }

    private GatehouseException broken(String why, Exception cause) {
        Path aside = file.resolveSibling(file.getFileName() + ".broken-" + clock.instant().toEpochMilli());
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            return new GatehouseException(FailureKind.LOCAL_STORE, "Your saved views in " + file
                    + " cannot be read: " + why + ". The file was left as it is; fix or remove it, then reopen the desk.",
                    cause);
        }
        return new GatehouseException(FailureKind.LOCAL_STORE, "Your saved views in " + file
                + " could not be read: " + why + ". The file was kept as " + aside.getFileName()
                + " and the desk starts without saved views.", cause);
    }
}
