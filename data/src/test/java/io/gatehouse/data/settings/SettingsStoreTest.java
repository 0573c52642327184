package io.gatehouse.data.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(new SettingsStore(dir.resolve("not-yet")).load()).isEqualTo(UserSettings.defaults());
    }

    @Test
    void savedSettingsComeBackUnchanged() {
        SettingsStore store = new SettingsStore(dir.resolve("nested/config"));
        UserSettings settings = UserSettings.defaults()
                .withLanguage("de")
                .withTheme(ThemeChoice.DARK)
                .withTimeDisplay(TimeDisplay.UTC)
                .withReportingCurrency("JPY")
                .withWindow(new WindowPlacement(40.0, 60.0, 1400, 900, true))
                .withLastArea("AUDIT_LOG");

        store.save(settings);

        assertThat(store.load()).isEqualTo(settings);
        assertThat(store.file()).exists();
    }

    @Test
    void savingLeavesNoTemporaryFileBehind() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.save(UserSettings.defaults());
        store.save(UserSettings.defaults().withTheme(ThemeChoice.LIGHT));

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(store.file());
        }
    }

    @Test
    void aCorruptFileGivesTheDefaults() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{ \"theme\": \"DARK\", ");
        assertThat(new SettingsStore(dir).load()).isEqualTo(UserSettings.defaults());
    }

    @Test
    void unknownValuesAndMissingFieldsFallBackFieldByField() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME),
                "{ \"theme\": \"NEON\", \"language\": \"de\", \"futureField\": 1, \"window\": { \"width\": 10 } }");

        UserSettings loaded = new SettingsStore(dir).load();

        assertThat(loaded.theme()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(loaded.language()).isEqualTo("de");
        assertThat(loaded.window().width()).isEqualTo(WindowPlacement.MIN_WIDTH);
        assertThat(loaded.window().x()).isNull();
    }

    @Test
    void aDirectoryThatCannotBeCreatedIsAStoreFailure() throws Exception {
        Path blocker = Files.writeString(dir.resolve("plain-file"), "x");
        SettingsStore store = new SettingsStore(blocker.resolve("config"));

        assertThatThrownBy(() -> store.save(UserSettings.defaults()))
                .isInstanceOf(GatehouseException.class)
                .satisfies(e -> assertThat(((GatehouseException) e).kind()).isEqualTo(FailureKind.LOCAL_STORE));
    }
}
