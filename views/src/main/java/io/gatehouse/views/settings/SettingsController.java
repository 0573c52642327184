package io.gatehouse.views.settings;

import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.data.settings.TimeDisplay;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.MoneyFormat;
import io.gatehouse.views.common.Shortcut;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.util.StringConverter;

/** The Settings area: language, theme, time display, reporting currency and where files live. */
public final class SettingsController implements AreaController {
    /** An example amount in minor units, to show how money is written in the chosen language. */
    static final long EXAMPLE_MINOR_UNITS = 123_456_789L;

    private final SettingsViewModel viewModel;
    private final I18n i18n;

    @FXML private ComboBox<Language> languageChoice;
    @FXML private ComboBox<ThemeChoice> themeChoice;
    @FXML private ComboBox<TimeDisplay> timeChoice;
    @FXML private ComboBox<Currency> currencyChoice;
    @FXML private Label moneyExample;
    @FXML private TextField configFile;
    @FXML private TextField dataDirectory;

    public SettingsController(SettingsViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        languageChoice.getItems().setAll(Language.values());
        languageChoice.setConverter(converter(languageChoice, language -> i18n.get(language.nameKey())));
        languageChoice.valueProperty().bindBidirectional(viewModel.languageProperty());

        themeChoice.getItems().setAll(ThemeChoice.values());
        themeChoice.setConverter(converter(themeChoice, theme -> i18n.get(switch (theme) {
            case LIGHT -> "settings.theme.light";
            case DARK -> "settings.theme.dark";
            case SYSTEM -> "settings.theme.system";
        })));
        themeChoice.valueProperty().bindBidirectional(viewModel.themeProperty());

        timeChoice.getItems().setAll(TimeDisplay.values());
        timeChoice.setConverter(converter(timeChoice, display -> i18n.get(switch (display) {
            case LOCAL -> "settings.time.local";
            case UTC -> "settings.time.utc";
        })));
        timeChoice.valueProperty().bindBidirectional(viewModel.timeDisplayProperty());

        currencyChoice.getItems().setAll(viewModel.currencies());
        currencyChoice.setConverter(converter(currencyChoice, currency ->
                currency.getCurrencyCode() + " — " + currency.getDisplayName(i18n.locale())));
        currencyChoice.valueProperty().bindBidirectional(viewModel.currencyProperty());
        viewModel.currencyProperty().addListener((obs, before, now) -> showExample());
        showExample();

        configFile.setText(viewModel.configFile());
        dataDirectory.setText(viewModel.dataDirectory());
    }

    private void showExample() {
        moneyExample.setText(i18n.get("settings.currency.example",
                MoneyFormat.format(EXAMPLE_MINOR_UNITS, viewModel.currencyProperty().get(), i18n.locale())));
    }

    /** Shows each choice in the operator's language; reading text back finds the choice it names. */
    private static <T> StringConverter<T> converter(ComboBox<T> box, Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return box.getItems().stream().filter(item -> text.apply(item).equals(string)).findFirst().orElse(null);
            }
        };
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(
                new Shortcut(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), "shortcut.settings.language", languageChoice::requestFocus),
                Shortcut.listed(new KeyCodeCombination(KeyCode.SPACE), "shortcut.settings.open"));
    }

    @Override
    public void focusFirst() {
        languageChoice.requestFocus();
    }
}
