package io.gatehouse.views.common;

import java.util.Locale;

/** The languages the console speaks; each has a complete message bundle. */
public enum Language {
    ENGLISH("en", "language.english"),
    GERMAN("de", "language.german");

    private final String tag;
    private final String nameKey;

    Language(String tag, String nameKey) {
        this.tag = tag;
        this.nameKey = nameKey;
    }

    public String tag() {
        return tag;
    }

    /** The bundle key of the language's own name, shown in the language picker. */
    public String nameKey() {
        return nameKey;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language for a settings tag; unknown tags fall back to English. */
    public static Language fromTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return language;
            }
        }
        return ENGLISH;
    }
}
