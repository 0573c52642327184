package io.gatehouse.data.settings;

/** The colour theme an operator chose; SYSTEM follows the operating system where it can be read. */
public enum ThemeChoice {
    LIGHT, DARK, SYSTEM
}
