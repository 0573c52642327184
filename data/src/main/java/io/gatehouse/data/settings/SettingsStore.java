package io.gatehouse.data.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Keeps {@link UserSettings} as {@value #FILE_NAME} in one directory. A missing or unreadable file
 * gives the defaults (with a warning in the log), so broken preferences never stop the console.
 * Saving writes a temporary file next to the real one and moves it into place, so a crash mid-write
 * leaves the previous file intact.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.json";
    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true)
            .configure(SerializationFeature.INDENT_OUTPUT, true);

    public SettingsStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** Reads the settings; never throws for a missing or corrupt file. */
    public UserSettings load() {
        Path file = file();
        try {
            UserSettings settings = json.readValue(Files.readAllBytes(file), UserSettings.class);
            return settings != null ? settings : UserSettings.defaults();
        } catch (NoSuchFileException e) {
            return UserSettings.defaults();
        } catch (JacksonException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "settings file " + file + " is not valid; using the defaults. " + e.getMessage());
            return UserSettings.defaults();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "settings file " + file + " cannot be read; using the defaults. " + e);
            return UserSettings.defaults();
        }
    }

    /** Writes the settings atomically; throws a {@link GatehouseException} of kind LOCAL_STORE on failure. */
    public void save(UserSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Path file = file();
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, FILE_NAME, ".tmp");
            Files.write(temp, json.writeValueAsBytes(settings));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new GatehouseException(FailureKind.LOCAL_STORE, "Your settings could not be saved to "
                    + file + ". Check that the folder exists and is writable.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is harmless; the next save replaces it
                }
            }
        }
    }
}
