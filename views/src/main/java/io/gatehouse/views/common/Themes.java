package io.gatehouse.views.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.gatehouse.data.settings.ThemeChoice;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;

/**
 * Applies the AtlantaFX Primer themes. "Follow the system" reads the colour scheme that JavaFX
 * reports for the desktop (Windows and macOS report it; on Linux it depends on the GTK theme, and
 * on the headless platform there is none), so when nothing is reported the console is light.
 */
public final class Themes {
    private Themes() {
    }

    /** Whether the choice means dark right now; call on the JavaFX thread. */
    public static boolean isDark(ThemeChoice choice) {
        return switch (choice) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> systemPrefersDark();
        };
    }

    /** Switches every window to the chosen theme at once. */
    public static void apply(ThemeChoice choice) {
        Application.setUserAgentStylesheet(isDark(choice)
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    static boolean systemPrefersDark() {
        try {
            return Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
