package io.gatehouse.views.review;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.review.CaseNote;
import io.gatehouse.views.common.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The notes on the selected case, a field to add one, and the case's history from the audit chain. */
public final class CaseNotesViewModel {
    private final ReviewDeskPort desk;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final ObservableList<CaseNote> notes = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final ObjectProperty<String> caseId = new SimpleObjectProperty<>(this, "caseId");
    private final StringProperty historyProblem = new SimpleStringProperty(this, "historyProblem");
    private final BooleanProperty adding = new SimpleBooleanProperty(this, "adding");
    private long run;

    CaseNotesViewModel(ReviewDeskPort desk, TaskExecutor tasks, Consumer<Throwable> errors) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Reads the notes and history of a case; answers for a case no longer shown are dropped. */
    void show(String id) {
        long mine = ++run;
        caseId.set(id);
        notes.clear();
        history.clear();
        historyProblem.set(null);
        if (id == null) {
            return;
        }
        tasks.run(handle -> desk.notes(id), found -> {
            if (mine == run) {
                notes.setAll(found);
            }
        }, failure -> {
            if (mine == run) {
                errors.accept(failure);
            }
        });
        tasks.run(handle -> desk.history(id), found -> {
            if (mine == run) {
                history.setAll(found);
            }
        }, failure -> {
            // an operator without the audit permission still sees notes; the history says why it is empty
            if (mine == run) {
                historyProblem.set(failure.getMessage());
            }
        });
    }

    /** Adds a note to the case shown; a blank note is ignored. Returns false when nothing was sent. */
    public boolean add(String body) {
        String id = caseId.get();
        if (id == null || body == null || body.isBlank() || adding.get()) {
            return false;
        }
        adding.set(true);
        long mine = run;
        tasks.run(handle -> {
            CaseNote note = desk.addNote(id, body.strip());
            return new Added(note, desk.history(id));
        }, added -> {
            adding.set(false);
            if (mine == run) {
                notes.add(added.note());
                history.setAll(added.history());
            }
        }, failure -> {
            adding.set(false);
            errors.accept(failure);
        });
        return true;
    }

    private record Added(CaseNote note, List<AuditEntry> history) {
    }

    public ObservableList<CaseNote> notes() {
        return notes;
    }

    public ObservableList<AuditEntry> history() {
        return history;
    }

    public ObjectProperty<String> caseIdProperty() {
        return caseId;
    }

    /** Why the history cannot be shown (such as a missing audit permission), or null. */
    public StringProperty historyProblemProperty() {
        return historyProblem;
    }

    public BooleanProperty addingProperty() {
        return adding;
    }
}
