package io.gatehouse.views.keys;

import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/** Gives the area's dialogs the console's own stylesheet and its light or dark marking. */
final class DialogLook {
    private static final String STYLESHEET = "/io/gatehouse/views/gatehouse.css";

    private DialogLook() {
    }

    static void apply(DialogPane pane, Window owner) {
        pane.getStylesheets().add(DialogLook.class.getResource(STYLESHEET).toExternalForm());
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot().getStyleClass().contains("theme-dark")) {
            pane.getStyleClass().add("theme-dark");
        }
    }
}
