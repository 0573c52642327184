package io.gatehouse.views.common;

import java.util.Objects;
import javafx.scene.input.KeyCombination;

/**
 * A keyboard shortcut, the bundle key that says what it does, and its action. A null action means
 * the keys are handled by the controls themselves (Tab, Enter) and the shortcut is only listed.
 */
public record Shortcut(KeyCombination keys, String descriptionKey, Runnable action) {
    public Shortcut {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(descriptionKey, "descriptionKey");
    }

    public static Shortcut listed(KeyCombination keys, String descriptionKey) {
        return new Shortcut(keys, descriptionKey, null);
    }
}
