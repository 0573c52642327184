package io.gatehouse.app.console;

import io.gatehouse.app.wiring.ConsoleSignIn;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import io.gatehouse.views.common.Themes;
import io.gatehouse.views.session.SecretPrompts;
import io.gatehouse.views.session.SecretRequest;
import io.gatehouse.views.shell.FxRuntime;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Asks for the sign-in PIN and the secret store's passphrase in dialogs before the main window opens. The
 * window toolkit starts at the first question, so a console that needs none starts exactly as before.
 */
final class WindowAsker implements ConsoleSignIn.Asker {
    private final java.util.function.Supplier<javafx.stage.Window> owner;
    private final ThemeChoice theme;
    private final String language;
    private SecretPrompts prompts;

    /** At the start: the dialogs stand alone and follow the system's theme. */
    WindowAsker() {
        this(() -> null, ThemeChoice.SYSTEM, Locale.getDefault().getLanguage());
    }

    /** After a sign-out: the dialogs open over the console's window, in the language and theme its last operator chose. */
    WindowAsker(java.util.function.Supplier<javafx.stage.Window> owner, ThemeChoice theme, String language) {
        this.owner = owner;
        this.theme = theme;
        this.language = language;
    }

    @Override
    public <T> Optional<T> askUntilAccepted(SecretRequest request, Function<char[], T> attempt) {
        return prompts().askUntilAccepted(request, attempt);
    }

    private synchronized SecretPrompts prompts() {
        if (prompts == null) {
            FxRuntime.startIfNeeded();
            FxRuntime.call(() -> {
                Themes.apply(theme);
                return null;
            });
            I18n i18n = new I18n(Language.fromTag(language));
            prompts = new SecretPrompts(() -> i18n, owner, FxRuntime.call(() -> Themes.isDark(theme)));
        }
        return prompts;
    }
}
