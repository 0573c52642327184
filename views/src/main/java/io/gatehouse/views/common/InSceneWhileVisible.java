package io.gatehouse.views.common;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Keeps a bar that is hidden most of the time out of the scene while it is hidden. JavaFX styles, skins and
 * measures hidden nodes as it does shown ones; a bar with a text field and buttons that appears only on request
 * cost its share of every first frame for nothing.
 */
public final class InSceneWhileVisible {
    private InSceneWhileVisible() {
    }

    /**
     * Puts {@code content} into {@code holder} whenever it turns visible and takes it out when it turns hidden; the
     * holder takes no room (and no spacing in its parent) while empty. Call on the JavaFX thread.
     */
    public static void attach(Pane holder, Node content) {
        holder.managedProperty().bind(content.visibleProperty());
        content.visibleProperty().addListener((obs, before, now) -> show(holder, content, now));
        show(holder, content, content.isVisible());
    }

    private static void show(Pane holder, Node content, boolean visible) {
        if (visible && !holder.getChildren().contains(content)) {
            holder.getChildren().setAll(content);
        } else if (!visible) {
            holder.getChildren().clear();
        }
    }
}
