package io.gatehouse.views.keys;

import io.gatehouse.data.keys.token.KeyFinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The key inventory table and the list of findings that explains each flagged key. */
final class InventoryTable {
    private final KeyCustodyViewModel viewModel;
    private final KeyText text;

    InventoryTable(KeyCustodyViewModel viewModel, KeyText text) {
        this.viewModel = viewModel;
        this.text = text;
    }

    @SuppressWarnings("java:S107") // one parameter per column, as the FXML declares them
    void bind(TableView<InventoryRow> table, TableColumn<InventoryRow, String> classColumn,
            TableColumn<InventoryRow, String> labelColumn, TableColumn<InventoryRow, String> idColumn,
            TableColumn<InventoryRow, String> typeColumn,
            TableColumn<InventoryRow, String> usageColumn, TableColumn<InventoryRow, InventoryRow> sensitiveColumn,
            TableColumn<InventoryRow, InventoryRow> extractableColumn, TableColumn<InventoryRow, InventoryRow> localColumn,
            TableColumn<InventoryRow, InventoryRow> findingColumn, VBox findingsList) {
        table.setItems(viewModel.inventory());
        Label empty = new Label();
        empty.setWrapText(true);
        empty.setMaxWidth(520);
        empty.textProperty().bind(Bindings.createStringBinding(() -> viewModel.tokenProperty().get() == null
                ? text.get("keys.inventory.noToken")
                : viewModel.inventoryLoadedProperty().get() ? text.get("keys.inventory.empty")
                        : text.get("keys.inventory.notRead", viewModel.tokenProperty().get().label()),
                viewModel.tokenProperty(), viewModel.inventoryLoadedProperty()));
        table.setPlaceholder(empty);
        classColumn.setCellValueFactory(r -> new ReadOnlyStringWrapper(text.keyClass(r.getValue().key().keyClass())));
        labelColumn.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().key().label()));
        idColumn.setCellValueFactory(r -> new ReadOnlyStringWrapper(shortId(r.getValue().key().idHex())));
        typeColumn.setCellValueFactory(r -> new ReadOnlyStringWrapper((r.getValue().key().keyType() + " "
                + r.getValue().key().sizeOrCurve()).strip()));
        usageColumn.setCellValueFactory(r -> new ReadOnlyStringWrapper(text.usage(r.getValue().key().usage())));
        flagColumn(sensitiveColumn, k -> k.holdsSecret() ? Boolean.valueOf(k.sensitive()) : null, false);
        flagColumn(extractableColumn, k -> k.holdsSecret() ? Boolean.valueOf(k.extractable()) : null, true);
        flagColumn(localColumn, k -> k.local(), null);
        findingColumn.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
        findingColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(InventoryRow row, boolean isEmpty) {
                super.updateItem(row, isEmpty);
                if (isEmpty || row == null) {
                    setText(null);
                    setGraphic(null);
                } else if (row.flagged()) {
                    setText(String.join(", ", row.findings().stream().map(f -> text.findingShort(f.kind())).toList()));
                    setGraphic(KeyText.icon(Material2MZ.WARNING, "health-down"));
                } else {
                    setText(row.key().holdsSecret() ? text.get("keys.finding.none") : "");
                    setGraphic(row.key().holdsSecret() ? KeyText.icon(Material2AL.CHECK_CIRCLE, "health-up") : null);
                }
            }
        });
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InventoryRow row, boolean isEmpty) {
                super.updateItem(row, isEmpty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("finding"),
                        !isEmpty && row != null && row.flagged());
            }
        });
        Runnable renderFindings = () -> renderFindings(findingsList);
        viewModel.findings().addListener((ListChangeListener<KeyFinding>) ch -> renderFindings.run());
        viewModel.inventoryLoadedProperty().addListener((obs, was, now) -> renderFindings.run());
        renderFindings.run();
    }

    /**
     * A yes/no attribute column. The value that is a finding ({@code bad}) shows a warning mark and
     * the word, so it never rests on colour alone; a null value (not applicable) stays blank.
     */
    private void flagColumn(TableColumn<InventoryRow, InventoryRow> column,
            java.util.function.Function<io.gatehouse.data.keys.token.KeyObject, Boolean> value, Boolean bad) {
        column.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(InventoryRow row, boolean isEmpty) {
                super.updateItem(row, isEmpty);
                Boolean v = isEmpty || row == null ? null : value.apply(row.key());
                if (v == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(text.get(v ? "keys.yes" : "keys.no"));
                setGraphic(v.equals(bad) ? KeyText.icon(Material2MZ.WARNING, "health-down") : null);
            }
        });
    }

    private void renderFindings(VBox list) {
        list.getChildren().clear();
        if (!viewModel.inventoryLoadedProperty().get()) {
            return;
        }
        Label title = new Label(viewModel.findings().isEmpty() ? text.get("keys.findings.none")
                : text.get("keys.findings.title", viewModel.findings().size()));
        title.getStyleClass().add("keys-section-title");
        list.getChildren().add(title);
        for (KeyFinding f : viewModel.findings()) {
            Label line = new Label(text.findingShort(f.kind()) + ": " + text.findingSentence(f),
                    KeyText.icon(Material2MZ.WARNING, "health-down"));
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            line.getStyleClass().add("keys-finding");
            list.getChildren().add(line);
        }
    }

    /** Ids are often long hex (Gatehouse uses the label's bytes); the start is enough to tell keys apart. */
    private static String shortId(String hex) {
        return hex.length() <= 8 ? hex : hex.substring(0, 8) + "\u2026";
    }
}
