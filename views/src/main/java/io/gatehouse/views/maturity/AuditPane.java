package io.gatehouse.views.maturity;

import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.maturity.Assessment;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Architect's Defensive Audit checklist: every item with its status, evidence, owner and due date,
 * and a form to record a result. Items the console checks itself show their measurement, read-only.
 */
final class AuditPane extends SplitPane {
    /** One item with its current result. */
    record ItemRow(AuditItem item, ItemResult result) {
    }

    private final MaturityViewModel viewModel;
    private final MaturityText text;
    private final TableView<ItemRow> table = new TableView<>();
    private final Label criterion = new Label();
    private final Label remediation = new Label();
    private final Label automatic = new Label();
    private final ChoiceBox<ItemStatus> status = new ChoiceBox<>();
    private final TextArea note = new TextArea();
    private final Button apply = new Button();

    AuditPane(MaturityViewModel viewModel, MaturityText text) {
        this.viewModel = viewModel;
        this.text = text;
        table.setId("auditTable");
        table.getStyleClass().addAll("striped", "edge-to-edge");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().setAll(List.of(
                Columns.<ItemRow>text(text.i18n().get("maturity.audit.area"), 170, r -> text.area(r.item().area())),
                Columns.<ItemRow>text(text.i18n().get("maturity.audit.item"), 250, r -> r.item().title()),
                Columns.<ItemRow>fixed(text.i18n().get("maturity.audit.status"), 134, r -> text.status(r.result().status())),
                Columns.<ItemRow>fixed(text.i18n().get("maturity.audit.impact"), 86, r -> String.valueOf(r.item().impact())),
                Columns.<ItemRow>text(text.i18n().get("maturity.audit.owner"), 120, r -> r.item().owner()),
                Columns.<ItemRow>fixed(text.i18n().get("maturity.audit.due"), 100,
                        r -> r.item().due() == null ? "" : r.item().due().toString()),
                Columns.<ItemRow>text(text.i18n().get("maturity.audit.evidence"), 260, r -> r.result().measurement() != null
                        ? text.measurement(r.result().measurement()) : r.result().note())));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ItemRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("audit-pass", "audit-fail", "audit-open");
                if (!empty && row != null) {
                    getStyleClass().add("audit-" + row.result().status().fileName());
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> fillForm(now));

        status.getItems().setAll(ItemStatus.values());
        status.setId("auditStatusChoice");
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(ItemStatus s) {
                return s == null ? "" : text.status(s);
            }

            @Override
            public ItemStatus fromString(String s) {
                return null;
            }
        });
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.setPromptText(text.i18n().get("maturity.editor.note.prompt"));
        criterion.setWrapText(true);
        remediation.setWrapText(true);
        automatic.setWrapText(true);
        automatic.getStyleClass().add("maturity-automatic");
        apply.setText(text.i18n().get("maturity.editor.apply"));
        apply.setId("applyAuditResult");
        apply.setOnAction(e -> {
            ItemRow row = table.getSelectionModel().getSelectedItem();
            if (row != null && status.getValue() != null) {
                viewModel.setAuditStatus(row.item().id(), status.getValue(), note.getText());
            }
        });
        VBox form = new VBox(6, new Label(text.i18n().get("maturity.audit.passCriterion")), criterion,
                new Label(text.i18n().get("maturity.audit.remediation")), remediation, automatic,
                new Label(text.i18n().get("maturity.audit.status")), status, note, apply);
        form.setPadding(new Insets(4, 4, 4, 8));
        form.setMinWidth(220);
        getItems().setAll(table, form);
        setDividerPositions(0.8);
        VBox.setVgrow(this, Priority.ALWAYS);
        fillForm(null);
    }

    TableView<ItemRow> table() {
        return table;
    }

    void show(Assessment a) {
        String selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().item().id();
        List<ItemRow> rows = new ArrayList<>();
        if (a != null) {
            for (AuditItem item : a.auditItems()) {
                rows.add(new ItemRow(item, a.auditResults().stream().filter(r -> r.item().equals(item.id())).findFirst()
                        .orElse(ItemResult.open(item.id()))));
            }
        }
        table.getItems().setAll(rows);
        rows.stream().filter(r -> r.item().id().equals(selected)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
    }

    private void fillForm(ItemRow row) {
        boolean none = row == null;
        criterion.setText(none ? text.i18n().get("maturity.audit.pick") : row.item().passCriterion());
        remediation.setText(none ? "" : String.join("\n", row.item().remediation().stream().map(s -> "• " + s).toList()));
        boolean measured = !none && row.result().measurement() != null;
        automatic.setText(measured ? text.measurement(row.result().measurement())
                : !none && row.item().automatic() ? text.i18n().get("maturity.editor.automaticNoData") : "");
        automatic.setVisible(!automatic.getText().isEmpty());
        automatic.setManaged(automatic.isVisible());
        status.setValue(none ? null : row.result().status());
        note.setText(none ? "" : row.result().note());
        status.setDisable(none || measured);
        note.setDisable(none || measured);
        apply.setDisable(none || measured);
    }
}
