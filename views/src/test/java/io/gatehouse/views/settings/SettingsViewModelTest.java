package io.gatehouse.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.TimeDisplay;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.data.settings.WindowPlacement;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    private final List<Throwable> errors = new ArrayList<>();

    private SettingsViewModel viewModel(SettingsStore store, boolean persist) {
        return new SettingsViewModel(store, store.load(), new SameThreadTaskExecutor(), errors::add,
                dir.resolve("gatehouse.yaml"), dir.resolve("data"), persist);
    }

    @Test
    void everyChangeIsSaved() {
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel vm = viewModel(store, true);

        vm.languageProperty().set(Language.GERMAN);
        vm.themeProperty().set(ThemeChoice.DARK);
        vm.timeDisplayProperty().set(TimeDisplay.UTC);
        vm.currencyProperty().set(Currency.getInstance("JPY"));
        vm.rememberArea("AUDIT_LOG");

        UserSettings saved = store.load();
        assertThat(saved.language()).isEqualTo("de");
        assertThat(saved.theme()).isEqualTo(ThemeChoice.DARK);
        assertThat(saved.timeDisplay()).isEqualTo(TimeDisplay.UTC);
        assertThat(saved.reportingCurrency()).isEqualTo("JPY");
        assertThat(saved.lastArea()).isEqualTo("AUDIT_LOG");
        assertThat(errors).isEmpty();
    }

    @Test
    void closingSavesTheWindowPlacement() {
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel vm = viewModel(store, true);

        vm.closeWith(new WindowPlacement(10.0, 20.0, 1300, 900, true));

        assertThat(store.load().window()).isEqualTo(new WindowPlacement(10.0, 20.0, 1300, 900, true));
    }

    @Test
    void aThrowAwayShellSavesNothing() {
        SettingsStore store = new SettingsStore(dir);
        SettingsViewModel vm = viewModel(store, false);

        vm.themeProperty().set(ThemeChoice.DARK);
        vm.closeWith(WindowPlacement.defaults());

        assertThat(Files.exists(store.file())).isFalse();
        assertThat(vm.settings().theme()).isEqualTo(ThemeChoice.DARK);
    }

    @Test
    void theStoredValuesAreTheStartingValues() {
        SettingsStore store = new SettingsStore(dir);
        store.save(UserSettings.defaults().withLanguage("de").withTheme(ThemeChoice.LIGHT).withReportingCurrency("KWD"));

        SettingsViewModel vm = viewModel(store, true);

        assertThat(vm.languageProperty().get()).isEqualTo(Language.GERMAN);
        assertThat(vm.themeProperty().get()).isEqualTo(ThemeChoice.LIGHT);
        assertThat(vm.currencies()).contains(Currency.getInstance("KWD"), Currency.getInstance("EUR"));
    }

    @Test
    void anUnknownCurrencyCodeFallsBackToEuro() {
        SettingsStore store = new SettingsStore(dir);
        store.save(UserSettings.defaults().withReportingCurrency("XYZ1"));

        assertThat(viewModel(store, true).currencyProperty().get()).isEqualTo(Currency.getInstance("EUR"));
    }

    @Test
    void togglingTheThemeFlipsWhatIsShown() {
        SettingsViewModel vm = viewModel(new SettingsStore(dir), false);
        vm.toggleTheme(false);
        assertThat(vm.themeProperty().get()).isEqualTo(ThemeChoice.DARK);
        vm.toggleTheme(true);
        assertThat(vm.themeProperty().get()).isEqualTo(ThemeChoice.LIGHT);
    }

    @Test
    void aFailedSaveGoesToTheErrorPath() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        SettingsViewModel vm = viewModel(new SettingsStore(blocker.resolve("sub")), true);

        vm.themeProperty().set(ThemeChoice.DARK);

        assertThat(errors).hasSize(1);
    }
}
