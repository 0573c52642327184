package io.gatehouse.views.executive;

import io.gatehouse.data.roi.Amount;
import io.gatehouse.data.roi.RoiBook;
import io.gatehouse.data.roi.RoiRow;
import io.gatehouse.views.common.I18n;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Edits one ROI row at a time: its baseline, target, time frame and notes, and the losses to date
 * for rows the console cannot measure. Input is checked before anything is saved; a bad value is
 * one sentence and nothing changes.
 */
final class RoiEditor {
    private final RoiBook book;
    private final I18n i18n;
    private final ChoiceBox<RoiRow> rows = new ChoiceBox<>();
    private final TextField baseline = new TextField();
    private final TextField currency = new TextField();
    private final TextField target = new TextField();
    private final TextField months = new TextField();
    private final TextField notes = new TextField();
    private final TextField losses = new TextField();
    private final Label problem = new Label();

    RoiEditor(RoiBook book, I18n i18n) {
        this.book = book;
        this.i18n = i18n;
    }

    /** The form, filled with the first row; exposed for tests that drive it without showing a dialog. */
    GridPane form() {
        List<RoiRow> all = book.rows();
        rows.getItems().setAll(all);
        rows.setConverter(new StringConverter<>() {
            @Override
            public String toString(RoiRow r) {
                return r == null ? "" : r.area();
            }

            @Override
            public RoiRow fromString(String s) {
                return null;
            }
        });
        rows.valueProperty().addListener((obs, before, now) -> fill(now));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] labels = {"exec.roi.edit.row", "exec.roi.col.baseline", "exec.roi.edit.currency", "exec.roi.edit.target",
            "exec.roi.edit.months", "exec.roi.col.notes", "exec.roi.edit.losses"};
        javafx.scene.Node[] fields = {rows, baseline, currency, target, months, notes, losses};
        for (int i = 0; i < labels.length; i++) {
            grid.addRow(i, new Label(i18n.get(labels[i])), fields[i]);
        }
        problem.setWrapText(true);
        problem.getStyleClass().add("health-down");
        grid.add(problem, 0, labels.length, 2, 1);
        rows.setId("roiRow");
        baseline.setId("roiBaseline");
        target.setId("roiTarget");
        losses.setId("roiLosses");
        if (!all.isEmpty()) {
            rows.setValue(all.getFirst());
        }
        return grid;
    }

    private void fill(RoiRow row) {
        if (row == null) {
            return;
        }
        baseline.setText(row.baseline().value().toPlainString());
        currency.setText(row.baseline().currency().getCurrencyCode());
        target.setText(row.targetReduction().toPlainString());
        months.setText(Integer.toString(row.timeFrameMonths()));
        notes.setText(row.notes());
        losses.setText("");
        losses.setPromptText(i18n.get(row.source() == io.gatehouse.data.roi.ActualSource.ENTERED
                ? "exec.roi.edit.lossesPrompt" : "exec.roi.edit.lossesMeasured"));
    }

    /** Saves the form; false with the reason shown when a value is not acceptable. */
    boolean save() {
        RoiRow row = rows.getValue();
        if (row == null) {
            return true;
        }
        try {
            Currency c = Currency.getInstance(currency.getText().strip().toUpperCase(Locale.ROOT));
            RoiRow edited = new RoiRow(row.id(), row.area(), new Amount(number(baseline), c), number(target),
                    Integer.parseInt(months.getText().strip()), notes.getText(), row.source());
            book.save(edited);
            if (!losses.getText().isBlank()) {
                book.enter(row.id(), new Amount(number(losses), c), i18n.get("exec.roi.edit.entryNote"));
            }
            problem.setText("");
            return true;
        } catch (IllegalArgumentException e) {
            // NumberFormatException too: one sentence, nothing saved
            problem.setText(i18n.get("exec.roi.edit.invalid", e.getMessage() == null ? "" : e.getMessage()));
            return false;
        }
    }

    String problem() {
        return problem.getText();
    }

    private static BigDecimal number(TextField field) {
        try {
            return new BigDecimal(field.getText().strip().replace(",", "."));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field.getText() + "' is not a number");
        }
    }

    /** Shows the editor as a dialog; returns true when something was saved. */
    boolean showAndWait(Window owner) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("exec.roi.edit.title"));
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setContent(form());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!save()) {
                e.consume();
            }
        });
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
