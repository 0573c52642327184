package io.gatehouse.views.review;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.review.CaseNote;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.TabContent;
import io.gatehouse.views.common.TimeFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Beside the evidence: who holds the case, its notes with a field to add one, and its history. */
final class CaseSidePane {
    private final ReviewDeskViewModel viewModel;
    private final I18n i18n;
    private final TimeFormat time;
    final Label claim = new Label();
    final ListView<CaseNote> notes = new ListView<>();
    final TextField noteField = new TextField();
    final Button addNote = new Button();
    final ListView<AuditEntry> history = new ListView<>();
    final TextField assignField = new TextField();
    final Button assign = new Button();
    final VBox root;
    final Tab notesTab;
    final Tab historyTab;

    CaseSidePane(ReviewDeskViewModel viewModel, I18n i18n, TimeFormat time) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.time = Objects.requireNonNull(time, "time");
        claim.setId("claimState");
        claim.setWrapText(true);
        claim.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        notes.setId("notesList");
        noteField.setId("noteField");
        addNote.setId("addNote");
        history.setId("historyList");
        CaseNotesViewModel model = viewModel.notes();

        notes.setItems(model.notes());
        notes.setPrefHeight(90);
        notes.setPlaceholder(new Label(i18n.get("review.notes.none")));
        notes.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CaseNote note, boolean empty) {
                super.updateItem(note, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || note == null ? null : i18n.get("review.notes.line", note.author(),
                        time.shortDateTime(note.created()), note.body()));
            }
        });
        noteField.setPromptText(i18n.get("review.notes.prompt"));
        addNote.setText(i18n.get("review.notes.add"));
        addNote.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        addNote.disableProperty().bind(model.caseIdProperty().isNull().or(model.addingProperty())
                .or(noteField.textProperty().isEmpty()));
        noteField.disableProperty().bind(model.caseIdProperty().isNull());
        noteField.setOnAction(e -> add());
        addNote.setOnAction(e -> add());

        history.setItems(model.history());
        history.setPrefHeight(90);
        history.placeholderProperty().bind(Bindings.createObjectBinding(() -> {
            String problem = model.historyProblemProperty().get();
            Label label = new Label(problem == null ? i18n.get("review.history.none") : problem);
            label.setWrapText(true);
            return label;
        }, model.historyProblemProperty()));
        history.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AuditEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : i18n.get("review.history.line", time.shortDateTime(entry.at()),
                        entry.actorId(), entry.action(), entry.details().entrySet().stream()
                                .filter(d -> !"idempotencyKey".equals(d.getKey()))
                                .map(d -> d.getKey() + "=" + d.getValue()).collect(Collectors.joining(", "))));
            }
        });

        HBox addRow = new HBox(6, noteField, addNote);
        HBox.setHgrow(noteField, Priority.ALWAYS);
        VBox notesBox = new VBox(6, notes, addRow);
        VBox.setVgrow(notes, Priority.ALWAYS);
        notes.setMinHeight(36);
        history.setMinHeight(48);
        notesTab = new Tab(i18n.get("review.notes.title"), notesBox);
        notesTab.setId("notesTab");
        historyTab = new Tab(i18n.get("review.history.title"));
        // the history joins the scene when its tab is first shown; until then it is no part of the desk's first frame
        TabContent.onFirstSelection(historyTab, () -> historyTab.setContent(history));
        historyTab.setId("historyTab");
        TabPane tabs = new TabPane(notesTab, historyTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinHeight(0);
        assignField.setId("assignField");
        assign.setId("assignButton");
        assignField.setPromptText(i18n.get("review.assign.prompt"));
        assign.setText(i18n.get("review.assign.button"));
        assign.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        assign.disableProperty().bind(assignField.textProperty().isEmpty().or(model.caseIdProperty().isNull()));
        Runnable handOver = () -> {
            if (viewModel.assign(assignField.getText())) {
                assignField.clear();
            }
        };
        assign.setOnAction(e -> handOver.run());
        assignField.setOnAction(e -> handOver.run());
        HBox assignRow = new HBox(6, assignField, assign);
        HBox.setHgrow(assignField, Priority.ALWAYS);
        root = new VBox(6, claim, assignRow, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        root.getStyleClass().add("case-side");
        root.setMinWidth(260);
        root.setMinHeight(0);

        viewModel.claimProperty().addListener((obs, before, now) -> showClaim(now));
        showClaim(viewModel.claimProperty().get());
    }

    private void add() {
        if (viewModel.notes().add(noteField.getText())) {
            noteField.clear();
        }
    }

    private Label heading(String key) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().add("evidence-heading");
        return label;
    }

    private void showClaim(ClaimState state) {
        claim.getStyleClass().removeAll("health-up", "health-degraded", "health-down");
        switch (state.kind()) {
            case NONE -> set(i18n.get("review.claim.none"), Material2AL.HELP_OUTLINE, null);
            case CLAIMING -> set(i18n.get("review.claim.claiming", state.caseId()), Material2AL.HOURGLASS_EMPTY, null);
            case MINE -> set(i18n.get("review.claim.mine", state.caseId(), time.shortTime(state.expiresAt())),
                    Material2AL.LOCK, "health-up");
            case OTHER -> set(i18n.get("review.claim.other", state.holder(),
                    state.expiresAt() == null ? "—" : time.shortTime(state.expiresAt())), Material2MZ.PERSON_OUTLINE, "health-degraded");
            case LAPSED -> set(i18n.get("review.claim.lapsed", state.caseId()), Material2AL.LOCK_OPEN, "health-degraded");
            case FAILED -> set(i18n.get("review.claim.failed", state.problem() == null ? "" : state.problem()),
                    Material2MZ.REPORT, "health-down");
        }
    }

    private void set(String text, org.kordamp.ikonli.Ikon icon, String style) {
        claim.setText(text);
        FontIcon graphic = new FontIcon(icon);
        if (style != null) {
            graphic.getStyleClass().add(style);
            claim.getStyleClass().add(style);
        }
        claim.setGraphic(graphic);
    }
}
