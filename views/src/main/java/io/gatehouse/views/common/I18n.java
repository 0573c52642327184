package io.gatehouse.views.common;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/** The message bundle of one language, with placeholders filled in the language's own formats. */
public final class I18n {
    public static final String BUNDLE = "io.gatehouse.views.messages";

    private final Language language;
    private final ResourceBundle bundle;

    public I18n(Language language) {
        this.language = Objects.requireNonNull(language, "language");
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Language language() {
        return language;
    }

    public java.util.Locale locale() {
        return language.locale();
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The message for a key, with {0}, {1}… replaced; a missing key shows as itself so tests catch it. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale()).format(args);
    }
}
