package io.gatehouse.views.maturity;

import io.gatehouse.data.maturity.AssessmentComparison;
import io.gatehouse.data.maturity.AssessmentSummary;
import io.gatehouse.data.maturity.AuditChange;
import io.gatehouse.data.maturity.CriterionChange;
import io.gatehouse.data.maturity.DimensionMove;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Two assessments side by side, such as two quarters: what moved per dimension, and which answers changed. */
final class ComparisonPane extends VBox {
    private final MaturityText text;
    private final ComboBox<AssessmentSummary> before = new ComboBox<>();
    private final ComboBox<AssessmentSummary> after = new ComboBox<>();
    private final TableView<DimensionMove> moves = new TableView<>();
    private final TableView<CriterionChange> criteria = new TableView<>();
    private final TableView<AuditChange> audit = new TableView<>();

    ComparisonPane(MaturityViewModel viewModel, MaturityText text) {
        super(8);
        this.text = text;
        before.setId("compareBefore");
        after.setId("compareAfter");
        before.setItems(viewModel.assessments());
        after.setItems(viewModel.assessments());
        before.setConverter(names());
        after.setConverter(names());
        Button compare = new Button(text.i18n().get("maturity.compare.run"));
        compare.setId("compareButton");
        compare.setOnAction(e -> viewModel.compare(id(before), id(after)));
        compare.disableProperty().bind(before.valueProperty().isNull().or(after.valueProperty().isNull()));
        HBox pick = new HBox(8, new Label(text.i18n().get("maturity.compare.before")), before,
                new Label(text.i18n().get("maturity.compare.after")), after, compare);
        pick.setAlignment(Pos.CENTER_LEFT);

        moves.setId("movesTable");
        moves.getStyleClass().addAll("striped", "edge-to-edge");
        moves.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        moves.getColumns().setAll(List.of(
                Columns.<DimensionMove>text(text.i18n().get("maturity.roadmap.dimension"), 140, m -> text.dimension(m.dimension())),
                Columns.<DimensionMove>text(text.i18n().get("maturity.compare.before"), 90, m -> text.score(m.before())),
                Columns.<DimensionMove>text(text.i18n().get("maturity.compare.after"), 90, m -> text.score(m.after())),
                Columns.<DimensionMove>text(text.i18n().get("maturity.compare.delta"), 90,
                        m -> (m.delta() > 0 ? "+" : "") + text.score(m.delta()))));
        moves.setPrefHeight(215);
        moves.setMinHeight(215);
        criteria.setId("criterionChangesTable");
        criteria.getStyleClass().addAll("striped", "edge-to-edge");
        criteria.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        criteria.setPlaceholder(new Label(text.i18n().get("maturity.compare.noChanges")));
        criteria.getColumns().setAll(List.of(
                Columns.<CriterionChange>text(text.i18n().get("maturity.roadmap.dimension"), 110, c -> text.dimension(c.dimension())),
                Columns.<CriterionChange>text(text.i18n().get("maturity.roadmap.level"), 110, c -> text.level(c.level())),
                Columns.<CriterionChange>text(text.i18n().get("maturity.compare.before"), 80, c -> text.grade(c.before())),
                Columns.<CriterionChange>text(text.i18n().get("maturity.compare.after"), 80, c -> text.grade(c.after())),
                Columns.<CriterionChange>text(text.i18n().get("maturity.editor.criterion"), 420, CriterionChange::text)));
        VBox.setVgrow(criteria, Priority.ALWAYS);
        audit.setId("auditChangesTable");
        audit.getStyleClass().addAll("striped", "edge-to-edge");
        audit.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        audit.setPlaceholder(new Label(text.i18n().get("maturity.compare.noChanges")));
        audit.getColumns().setAll(List.of(
                Columns.<AuditChange>text(text.i18n().get("maturity.audit.item"), 300, AuditChange::title),
                Columns.<AuditChange>text(text.i18n().get("maturity.compare.before"), 90, c -> text.status(c.before())),
                Columns.<AuditChange>text(text.i18n().get("maturity.compare.after"), 90, c -> text.status(c.after()))));
        audit.setPrefHeight(140);
        getChildren().addAll(pick, moves, new Label(text.i18n().get("maturity.compare.criteria")), criteria,
                new Label(text.i18n().get("maturity.compare.audit")), audit);
        viewModel.comparisonProperty().addListener((obs, was, now) -> show(now));
        show(viewModel.comparisonProperty().get());
    }

    /** Preselects the latest assessment and the one before it. */
    void preselect(ObservableList<AssessmentSummary> all) {
        if (all.size() >= 2 && (before.getValue() == null || after.getValue() == null)) {
            before.setValue(all.get(all.size() - 2));
            after.setValue(all.getLast());
        }
    }

    private void show(AssessmentComparison c) {
        moves.getItems().setAll(c == null ? List.of() : c.moves());
        criteria.getItems().setAll(c == null ? List.of() : c.criteria());
        audit.getItems().setAll(c == null ? List.of() : c.audit());
    }

    private static String id(ComboBox<AssessmentSummary> box) {
        return box.getValue() == null ? null : box.getValue().id();
    }

    private StringConverter<AssessmentSummary> names() {
        return new StringConverter<>() {
            @Override
            public String toString(AssessmentSummary s) {
                return s == null ? "" : text.i18n().get("maturity.assessment.label", s.name(), s.date().toString());
            }

            @Override
            public AssessmentSummary fromString(String s) {
                return null;
            }
        };
    }
}
