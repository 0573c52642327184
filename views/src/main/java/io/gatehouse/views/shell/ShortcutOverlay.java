package io.gatehouse.views.shell;

import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Builds the overlay that lists the shortcuts that work everywhere and those of the current area. */
final class ShortcutOverlay {
    private ShortcutOverlay() {
    }

    static Node build(I18n i18n, List<Shortcut> everywhere, String areaTitle, List<Shortcut> inArea) {
        Label title = new Label(i18n.get("shortcuts.title"), new FontIcon(Material2AL.KEYBOARD));
        title.getStyleClass().add("title-3");

        VBox global = section(i18n, i18n.get("shortcuts.everywhere"), everywhere);
        VBox area = section(i18n, i18n.get("shortcuts.inArea", areaTitle), inArea);
        if (inArea.isEmpty()) {
            Label none = new Label(i18n.get("shortcuts.noneInArea"));
            none.getStyleClass().add("text-muted");
            none.setWrapText(true);
            area.getChildren().add(none);
        }
        HBox columns = new HBox(32, global, area);

        Label close = new Label(i18n.get("shortcuts.closeHint"));
        close.getStyleClass().add("text-muted");

        VBox card = new VBox(16, title, columns, close);
        card.setId("shortcutCard");
        card.getStyleClass().add("shortcut-card");
        card.setPadding(new Insets(24));
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);

        StackPane overlay = new StackPane(card);
        overlay.setId("shortcutOverlay");
        overlay.getStyleClass().add("shortcut-overlay");
        overlay.setAlignment(Pos.CENTER);
        return overlay;
    }

    private static VBox section(I18n i18n, String heading, List<Shortcut> shortcuts) {
        Label header = new Label(heading);
        header.getStyleClass().add("text-bold");
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut shortcut : shortcuts) {
            Label keys = new Label(shortcut.keys().getDisplayText());
            keys.getStyleClass().add("key-cap");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label what = new Label(i18n.get(shortcut.descriptionKey()));
            grid.addRow(row++, keys, what);
        }
        return new VBox(10, header, grid);
    }
}
