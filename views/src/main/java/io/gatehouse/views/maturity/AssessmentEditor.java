package io.gatehouse.views.maturity;

import io.gatehouse.data.maturity.Answer;
import io.gatehouse.data.maturity.Answers;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.Criterion;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.Grade;
import io.gatehouse.data.maturity.MaturityLevel;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The assessment editor: criteria grouped by dimension and level with their grade and evidence, and a
 * form for the selected criterion. Automatic criteria show their measurement and cannot be graded by hand.
 */
final class AssessmentEditor extends VBox {
    /** A row of the tree: a dimension, a level of it, or a criterion. */
    record Row(String label, Criterion criterion) {
    }

    private final MaturityViewModel viewModel;
    private final MaturityText text;
    private final TreeTableView<Row> tree = new TreeTableView<>();
    private final Label criterionText = new Label();
    private final ChoiceBox<Grade> grade = new ChoiceBox<>();
    private final TextArea note = new TextArea();
    private final TextField link = new TextField();
    private final Label automatic = new Label();
    private final Button apply = new Button();
    private final FlowPane targets = new FlowPane(12, 6);
    private Answers answers = Answers.of();
    private boolean filling;

    AssessmentEditor(MaturityViewModel viewModel, MaturityText text) {
        super(8);
        this.viewModel = viewModel;
        this.text = text;
        getStyleClass().add("maturity-editor");

        tree.setId("criteriaTree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TreeTableColumn<Row, String> what = new TreeTableColumn<>(text.i18n().get("maturity.editor.criterion"));
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().criterion() == null
                ? c.getValue().getValue().label() : c.getValue().getValue().criterion().text()));
        what.setPrefWidth(560);
        TreeTableColumn<Row, String> graded = new TreeTableColumn<>(text.i18n().get("maturity.editor.grade"));
        graded.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().criterion() == null ? ""
                : text.grade(answers.grade(c.getValue().getValue().criterion().id()))));
        graded.setPrefWidth(80);
        TreeTableColumn<Row, String> evidence = new TreeTableColumn<>(text.i18n().get("maturity.editor.evidence"));
        evidence.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().criterion() == null ? ""
                : text.evidence(answers.get(c.getValue().getValue().criterion().id()).orElse(null))));
        evidence.setPrefWidth(260);
        tree.getColumns().setAll(List.of(what, graded, evidence));
        tree.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> fillForm());

        grade.getItems().setAll(Grade.values());
        grade.setConverter(converter());
        grade.setId("gradeChoice");
        note.setId("evidenceNote");
        note.setPromptText(text.i18n().get("maturity.editor.note.prompt"));
        note.setPrefRowCount(3);
        note.setWrapText(true);
        link.setId("evidenceLink");
        link.setPromptText(text.i18n().get("maturity.editor.link.prompt"));
        automatic.setWrapText(true);
        automatic.getStyleClass().add("maturity-automatic");
        criterionText.setWrapText(true);
        criterionText.getStyleClass().add("maturity-criterion-text");
        apply.setText(text.i18n().get("maturity.editor.apply"));
        apply.setId("applyAnswer");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> applyForm());

        VBox form = new VBox(6, criterionText, new Label(text.i18n().get("maturity.editor.grade")), grade,
                new Label(text.i18n().get("maturity.editor.note")), note,
                new Label(text.i18n().get("maturity.editor.link")), link, automatic, apply);
        form.setPadding(new Insets(4, 4, 4, 8));
        form.setMinWidth(240);
        form.setPrefWidth(300);
        SplitPane split = new SplitPane(tree, form);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        targets.getStyleClass().add("maturity-targets");
        getChildren().addAll(new HBox(8, new Label(text.i18n().get("maturity.editor.targets")), targets), split);
        fillForm();
    }

    TreeTableView<Row> tree() {
        return tree;
    }

    void show(Assessment a) {
        filling = true;
        try {
            answers = a == null ? Answers.of() : a.answerSet();
            String selected = selectedId();
            TreeItem<Row> root = new TreeItem<>(new Row("", null));
            targets.getChildren().clear();
            if (a != null) {
                for (Dimension d : Dimension.values()) {
                    TreeItem<Row> dim = new TreeItem<>(new Row(text.dimension(d) + "  " + text.score(a.scores().get(d).value()), null));
                    dim.setExpanded(true);
                    for (int level = MaturityLevel.LOWEST; level <= MaturityLevel.HIGHEST; level++) {
                        List<Criterion> criteria = a.catalogue().criteria(d, level);
                        TreeItem<Row> lvl = new TreeItem<>(new Row(text.level(level), null));
                        lvl.setExpanded(true);
                        criteria.forEach(c -> lvl.getChildren().add(new TreeItem<>(new Row(c.text(), c))));
                        dim.getChildren().add(lvl);
                    }
                    root.getChildren().add(dim);
                    targets.getChildren().add(targetSpinner(d, a.target(d)));
                }
            }
            tree.setRoot(root);
            reselect(root, selected);
        } finally {
            filling = false;
        }
        fillForm();
    }

    private HBox targetSpinner(Dimension d, int value) {
        Spinner<Integer> spinner = new Spinner<>(MaturityLevel.LOWEST, MaturityLevel.HIGHEST, value);
        spinner.setPrefWidth(70);
        spinner.setId("target-" + d.fileName());
        spinner.valueProperty().addListener((obs, before, now) -> {
            if (!filling && now != null) {
                viewModel.setTarget(d, now);
            }
        });
        Label label = new Label(text.dimension(d));
        label.setLabelFor(spinner);
        HBox box = new HBox(4, label, spinner);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    private String selectedId() {
        TreeItem<Row> item = tree.getSelectionModel().getSelectedItem();
        return item == null || item.getValue().criterion() == null ? null : item.getValue().criterion().id();
    }

    private void reselect(TreeItem<Row> item, String id) {
        if (id == null) {
            return;
        }
        if (item.getValue().criterion() != null && item.getValue().criterion().id().equals(id)) {
            tree.getSelectionModel().select(item);
            return;
        }
        item.getChildren().forEach(child -> reselect(child, id));
    }

    private void fillForm() {
        TreeItem<Row> item = tree.getSelectionModel().getSelectedItem();
        Criterion c = item == null ? null : item.getValue().criterion();
        boolean none = c == null;
        Answer a = none ? null : answers.get(c.id()).orElse(null);
        criterionText.setText(none ? text.i18n().get("maturity.editor.pick") : c.text());
        grade.setValue(a == null ? Grade.NONE : a.grade());
        note.setText(a == null ? "" : a.note());
        link.setText(a == null ? "" : a.link());
        boolean measured = a != null && a.automatic();
        automatic.setText(measured ? text.measurement(a.measurement())
                : !none && c.automatic() ? text.i18n().get("maturity.editor.automaticNoData") : "");
        automatic.setVisible(measured || (!none && c.automatic()));
        automatic.setManaged(automatic.isVisible());
        grade.setDisable(none || measured);
        note.setDisable(none);
        link.setDisable(none);
        apply.setDisable(none);
    }

    private void applyForm() {
        TreeItem<Row> item = tree.getSelectionModel().getSelectedItem();
        if (item == null || item.getValue().criterion() == null) {
            return;
        }
        // read the whole form first: the first change redraws the editor from the assessment
        String id = item.getValue().criterion().id();
        Grade chosen = grade.isDisabled() ? null : grade.getValue();
        String noteText = note.getText();
        String linkText = link.getText().strip();
        viewModel.setEvidence(id, noteText, linkText);
        if (chosen != null) {
            viewModel.setGrade(id, chosen);
        }
    }

    private StringConverter<Grade> converter() {
        return new StringConverter<>() {
            @Override
            public String toString(Grade g) {
                return g == null ? "" : text.grade(g);
            }

            @Override
            public Grade fromString(String s) {
                return null;
            }
        };
    }
}
