package io.gatehouse.views.shell;

import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import java.util.List;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;

/** An area that a later release fills: it says honestly what it will hold and what to configure. */
public final class EmptyAreaController implements AreaController {
    private final Area area;
    private final I18n i18n;
    private final Consumer<Area> navigate;

    @FXML private Label icon;
    @FXML private Label holds;
    @FXML private Label configure;
    @FXML private Button openConnections;

    EmptyAreaController(Area area, I18n i18n, Consumer<Area> navigate) {
        this.area = area;
        this.i18n = i18n;
        this.navigate = navigate;
    }

    @FXML
    private void initialize() {
        FontIcon big = new FontIcon(area.icon());
        big.getStyleClass().add("empty-icon");
        icon.setGraphic(big);
        holds.setText(i18n.get(area.holdsKey()));
        configure.setText(i18n.get(area.configureKey()));
        openConnections.setOnAction(e -> navigate.accept(Area.CONNECTIONS));
        openConnections.setVisible(area.waitsForConnection());
        openConnections.setManaged(area.waitsForConnection());
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of();
    }

    @Override
    public void focusFirst() {
        if (area.waitsForConnection()) {
            openConnections.requestFocus();
        }
    }
}
