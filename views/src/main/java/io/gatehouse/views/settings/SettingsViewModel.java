package io.gatehouse.views.settings;

import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.TimeDisplay;
import io.gatehouse.data.settings.UserSettings;
import io.gatehouse.data.settings.WindowPlacement;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The operator's preferences as properties. Every change is saved in the background; the last
 * change always wins, because each save writes the latest settings rather than its own copy.
 */
public final class SettingsViewModel {
    /** Reporting currencies offered first; the chosen one is added when it is not among them. */
    static final List<String> COMMON_CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY", "CNY", "INR", "BRL", "AUD", "CAD", "SEK", "KWD");

    private final SettingsStore store;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final boolean persist;
    private final Path configFile;
    private final Path dataDirectory;
    private final ReadOnlyObjectWrapper<UserSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<TimeDisplay> timeDisplay = new SimpleObjectProperty<>(this, "timeDisplay");
    private final ObjectProperty<Currency> currency = new SimpleObjectProperty<>(this, "currency");
    private final AtomicReference<UserSettings> latest = new AtomicReference<>();

    /**
     * @param persist false for a throw-away shell (screenshots): changes then stay in memory
     */
    public SettingsViewModel(SettingsStore store, UserSettings initial, TaskExecutor tasks, Consumer<Throwable> errors,
                             Path configFile, Path dataDirectory, boolean persist) {
        this.store = Objects.requireNonNull(store, "store");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.configFile = configFile;
        this.dataDirectory = dataDirectory;
        this.persist = persist;
        settings.set(initial);
        latest.set(initial);
        language.set(Language.fromTag(initial.language()));
        theme.set(initial.theme());
        timeDisplay.set(initial.timeDisplay());
        currency.set(currencyOrDefault(initial.reportingCurrency()));

        language.addListener((obs, before, now) -> update(settings.get().withLanguage(now.tag())));
        theme.addListener((obs, before, now) -> update(settings.get().withTheme(now)));
        timeDisplay.addListener((obs, before, now) -> update(settings.get().withTimeDisplay(now)));
        currency.addListener((obs, before, now) -> update(settings.get().withReportingCurrency(now.getCurrencyCode())));
    }

    public ReadOnlyObjectProperty<UserSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public UserSettings settings() {
        return settings.get();
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public ObjectProperty<TimeDisplay> timeDisplayProperty() {
        return timeDisplay;
    }

    public ObjectProperty<Currency> currencyProperty() {
        return currency;
    }

    /** Currencies to choose from, the current one included. */
    public List<Currency> currencies() {
        List<Currency> all = new ArrayList<>();
        COMMON_CURRENCIES.forEach(code -> all.add(Currency.getInstance(code)));
        if (!all.contains(currency.get())) {
            all.add(currency.get());
        }
        return all;
    }

    public String configFile() {
        return configFile == null ? "" : configFile.toAbsolutePath().toString();
    }

    public String dataDirectory() {
        return dataDirectory == null ? "" : dataDirectory.toAbsolutePath().toString();
    }

    /** Flips between light and dark; from "follow system" it goes to the opposite of what is shown. */
    public void toggleTheme(boolean darkNow) {
        theme.set(darkNow ? ThemeChoice.LIGHT : ThemeChoice.DARK);
    }

    public void rememberArea(String area) {
        update(settings.get().withLastArea(area));
    }

    /**
     * Records where the window was and saves on the calling thread: used once when the window
     * closes, when the background executor may already be gone. The file is a few hundred bytes.
     */
    public void closeWith(WindowPlacement placement) {
        UserSettings next = settings.get().withWindow(placement);
        settings.set(next);
        latest.set(next);
        if (persist) {
            try {
                synchronized (latest) {
                    store.save(next);
                }
            } catch (RuntimeException e) {
                errors.accept(e);
            }
        }
    }

    private void update(UserSettings next) {
        if (next.equals(settings.get())) {
            return;
        }
        settings.set(next);
        latest.set(next);
        if (persist) {
            tasks.run(handle -> {
                synchronized (latest) {
                    store.save(latest.get());
                }
                return null;
            }, ignored -> { }, errors);
        }
    }

    private static Currency currencyOrDefault(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return Currency.getInstance(UserSettings.DEFAULT_CURRENCY);
        }
    }
}
