package io.gatehouse.views.connections;

import io.gatehouse.data.health.ConnectionHealth;
import io.gatehouse.views.common.AreaController;
import io.gatehouse.views.common.HealthLook;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Shortcut;
import io.gatehouse.views.common.TimeFormat;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The Connections area: every configured connection with its health, kind and detail. */
public final class ConnectionsController implements AreaController {
    private final ConnectionsViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;
    private final String configFile;

    @FXML private Label configHint;
    @FXML private Button checkNow;
    @FXML private TableView<ConnectionHealth> table;
    @FXML private TableColumn<ConnectionHealth, String> nameColumn;
    @FXML private TableColumn<ConnectionHealth, String> kindColumn;
    @FXML private TableColumn<ConnectionHealth, ConnectionHealth> stateColumn;
    @FXML private TableColumn<ConnectionHealth, String> sinceColumn;
    @FXML private TableColumn<ConnectionHealth, String> detailColumn;

    public ConnectionsController(ConnectionsViewModel viewModel, I18n i18n, TimeFormat time, String configFile) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.time = time;
        this.configFile = configFile;
    }

    @FXML
    private void initialize() {
        configHint.setText(i18n.get("connections.configHint", configFile));
        checkNow.setGraphic(new FontIcon(Material2MZ.REFRESH));
        checkNow.setOnAction(e -> viewModel.checkNow());
        checkNow.disableProperty().bind(viewModel.checkingProperty());
        table.setItems(viewModel.connections());
        table.setPlaceholder(new Label(i18n.get("connections.none")));
        nameColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().connection()));
        kindColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(i18n.get(ConnectionNames.kindKey(row.getValue().kind()))));
        sinceColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(time.dateTime(row.getValue().since())));
        detailColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().detail()));
        stateColumn.setCellValueFactory(row -> new javafx.beans.property.ReadOnlyObjectWrapper<>(row.getValue()));
        stateColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(ConnectionHealth item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("health-up", "health-degraded", "health-down", "health-unknown");
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                HealthLook look = HealthLook.of(item.state());
                FontIcon icon = new FontIcon(look.icon());
                icon.getStyleClass().add(look.styleClass());
                setGraphic(icon);
                setText(i18n.get(look.labelKey()));
                getStyleClass().add(look.styleClass());
            }
        });
    }

    @Override
    public List<Shortcut> shortcuts() {
        return List.of(new Shortcut(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                "shortcut.connections.checkNow", viewModel::checkNow));
    }

    @Override
    public void focusFirst() {
        table.requestFocus();
    }
}
