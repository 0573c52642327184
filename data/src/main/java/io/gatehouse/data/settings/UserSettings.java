package io.gatehouse.data.settings;

/**
 * One operator's preferences on this desktop. Missing values become defaults, so a settings file
 * written by an older version still loads.
 *
 * @param language          an IETF language tag such as {@code en} or {@code de}
 * @param reportingCurrency an ISO 4217 code used for totals in reports
 * @param lastArea          the name of the navigation area shown last, or null
 */
public record UserSettings(
        String language,
        ThemeChoice theme,
        TimeDisplay timeDisplay,
        String reportingCurrency,
        WindowPlacement window,
        String lastArea) {

    public static final String DEFAULT_LANGUAGE = "en";
    public static final String DEFAULT_CURRENCY = "EUR";

    public UserSettings {
        language = language == null || language.isBlank() ? DEFAULT_LANGUAGE : language;
        theme = theme == null ? ThemeChoice.SYSTEM : theme;
        timeDisplay = timeDisplay == null ? TimeDisplay.LOCAL : timeDisplay;
        reportingCurrency = reportingCurrency == null || reportingCurrency.isBlank() ? DEFAULT_CURRENCY : reportingCurrency;
        window = window == null ? WindowPlacement.defaults() : window;
    }

    public static UserSettings defaults() {
        return new UserSettings(null, null, null, null, null, null);
    }

    public UserSettings withLanguage(String value) {
        return new UserSettings(value, theme, timeDisplay, reportingCurrency, window, lastArea);
    }

    public UserSettings withTheme(ThemeChoice value) {
        return new UserSettings(language, value, timeDisplay, reportingCurrency, window, lastArea);
    }

    public UserSettings withTimeDisplay(TimeDisplay value) {
        return new UserSettings(language, theme, value, reportingCurrency, window, lastArea);
    }

    public UserSettings withReportingCurrency(String value) {
        return new UserSettings(language, theme, timeDisplay, value, window, lastArea);
    }

    public UserSettings withWindow(WindowPlacement value) {
        return new UserSettings(language, theme, timeDisplay, reportingCurrency, value, lastArea);
    }

    public UserSettings withLastArea(String value) {
        return new UserSettings(language, theme, timeDisplay, reportingCurrency, window, value);
    }
}
