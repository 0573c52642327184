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
    private SecretPrompts prompts;

    @Override
    public <T> Optional<T> askUntilAccepted(SecretRequest request, Function<char[], T> attempt) {
        return prompts().askUntilAccepted(request, attempt);
    }

    private synchronized SecretPrompts prompts() {
        if (prompts == null) {
            FxRuntime.startIfNeeded();
            FxRuntime.call(() -> {
                Themes.apply(ThemeChoice.SYSTEM);
                return null;
            });
            I18n i18n = new I18n(Language.fromTag(Locale.getDefault().getLanguage()));
            prompts = new SecretPrompts(() -> i18n, () -> null, Themes.isDark(ThemeChoice.SYSTEM));
        }
        return prompts;
    }
}
