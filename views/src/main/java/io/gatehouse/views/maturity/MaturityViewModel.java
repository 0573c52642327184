package io.gatehouse.views.maturity;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.maturity.Answer;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.AssessmentComparison;
import io.gatehouse.data.maturity.AssessmentFiles;
import io.gatehouse.data.maturity.AssessmentSummary;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.Grade;
import io.gatehouse.data.maturity.MaturityBook;
import io.gatehouse.data.maturity.TimelinePoint;
import io.gatehouse.views.common.TaskExecutor;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Maturity & audit area's state: the assessments, the one being edited with the one before it,
 * the timeline and a comparison. Store and file work runs in the background; edits change the
 * assessment in memory until Save, so nothing half-edited reaches the store.
 */
public final class MaturityViewModel {
    /** What the status line says after an operation; the text is the data layer's sentence, if any. */
    public enum Outcome { NONE, LOADED, SAVED, IMPORTED, EXPORTED, CATALOGUE_INSTALLED, REFRESHED, FAILED }

    /** The last outcome with its detail, for the status line. */
    public record Status(Outcome outcome, String detail) {
    }

    private final MaturityBook book;
    private final AssessmentFiles files;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final ObservableList<AssessmentSummary> assessments = FXCollections.observableArrayList();
    private final ObjectProperty<Assessment> current = new SimpleObjectProperty<>(this, "current");
    private final ObjectProperty<Assessment> previous = new SimpleObjectProperty<>(this, "previous");
    private final ObjectProperty<Map<Dimension, List<TimelinePoint>>> timeline =
            new SimpleObjectProperty<>(this, "timeline", new EnumMap<>(Dimension.class));
    private final ObjectProperty<AssessmentComparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final ObjectProperty<Status> status = new SimpleObjectProperty<>(this, "status", new Status(Outcome.NONE, ""));
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");

    public MaturityViewModel(MaturityBook book, AssessmentFiles files, TaskExecutor tasks, Consumer<Throwable> errors) {
        this.book = book;
        this.files = files;
        this.tasks = tasks;
        this.errors = errors;
    }

    public ObservableList<AssessmentSummary> assessments() {
        return assessments;
    }

    public ReadOnlyObjectProperty<Assessment> currentProperty() {
        return current;
    }

    public ReadOnlyObjectProperty<Assessment> previousProperty() {
        return previous;
    }

    public ReadOnlyObjectProperty<Map<Dimension, List<TimelinePoint>>> timelineProperty() {
        return timeline;
    }

    public ReadOnlyObjectProperty<AssessmentComparison> comparisonProperty() {
        return comparison;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Loads the list, the latest assessment with the one before it, and the timeline. */
    public void load() {
        run(() -> {
            List<AssessmentSummary> all = book.list();
            Optional<Assessment> latest = all.isEmpty() ? Optional.empty() : book.find(all.getLast().id());
            Optional<Assessment> before = latest.flatMap(a -> book.previous(a.id()));
            return new Loaded(all, latest.orElse(null), before.orElse(null), book.timeline());
        }, loaded -> {
            show(loaded);
            status.set(new Status(Outcome.LOADED, ""));
        });
    }

    /** Shows the assessment {@code id} with the one before it; unsaved edits are dropped. */
    public void select(String id) {
        if (current.get() != null && current.get().id().equals(id) && !dirty.get()) {
            return;
        }
        run(() -> {
            Assessment a = book.find(id).orElseThrow();
            return new Loaded(book.list(), a, book.previous(id).orElse(null), book.timeline());
        }, this::show);
    }

    /** Starts a new assessment from the latest answers with fresh automatic evidence. */
    public void newAssessment(String name) {
        run(() -> book.draft(name), draft -> {
            previous.set(current.get());
            current.set(draft);
            dirty.set(true);
            status.set(new Status(Outcome.REFRESHED, draft.name()));
        });
    }

    /** Re-runs the automatic checks on the assessment being edited. */
    public void refreshEvidence() {
        Assessment a = current.get();
        if (a == null) {
            return;
        }
        run(() -> book.refreshEvidence(a), refreshed -> {
            if (!refreshed.equals(a)) {
                dirty.set(true);
            }
            current.set(refreshed);
            status.set(new Status(Outcome.REFRESHED, ""));
        });
    }

    public void setGrade(String criterion, Grade grade) {
        edit(a -> {
            Answer old = a.answerSet().get(criterion).orElse(null);
            if (old != null && old.automatic()) {
                return a;
            }
            return a.withAnswer(new Answer(criterion, grade, old == null ? "" : old.note(), old == null ? "" : old.link(), null));
        });
    }

    public void setEvidence(String criterion, String note, String link) {
        edit(a -> {
            Answer old = a.answerSet().get(criterion).orElse(Answer.of(criterion, Grade.NONE));
            return a.withAnswer(new Answer(criterion, old.grade(), note, link, old.measurement()));
        });
    }

    public void setAuditStatus(String item, ItemStatus s, String note) {
        edit(a -> {
            ItemResult old = a.auditResults().stream().filter(r -> r.item().equals(item)).findFirst().orElse(null);
            if (old != null && old.measurement() != null) {
                return a;
            }
            return a.withAuditResult(new ItemResult(item, s, note, null));
        });
    }

    public void setTarget(Dimension d, int level) {
        edit(a -> {
            Map<Dimension, Integer> next = new EnumMap<>(Dimension.class);
            next.putAll(a.targets());
            next.put(d, level);
            return a.withTargets(next);
        });
    }

    private void edit(java.util.function.UnaryOperator<Assessment> change) {
        Assessment a = current.get();
        if (a == null) {
            return;
        }
        Assessment next = change.apply(a);
        if (!next.equals(a)) {
            current.set(next);
            dirty.set(true);
        }
    }

    public void save() {
        Assessment a = current.get();
        if (a == null) {
            return;
        }
        run(() -> {
            book.save(a);
            return new Loaded(book.list(), a, book.previous(a.id()).orElse(null), book.timeline());
        }, loaded -> {
            show(loaded);
            status.set(new Status(Outcome.SAVED, a.name()));
        });
    }

    /** Imports a file opened from the desktop: a catalogue installs, assessments import, all or nothing. */
    public void open(Path file) {
        if (files.isCatalogue(file)) {
            importCatalogue(file);
        } else {
            importAssessments(file);
        }
    }

    /** Imports every assessment in {@code file}, or none of them. */
    public void importAssessments(Path file) {
        run(() -> {
            List<Assessment> read = files.readAssessments(file);
            book.importAll(read, file.getFileName().toString());
            Assessment last = read.getLast();
            return new Loaded(book.list(), book.find(last.id()).orElseThrow(), book.previous(last.id()).orElse(null),
                    book.timeline());
        }, loaded -> {
            show(loaded);
            status.set(new Status(Outcome.IMPORTED, file.getFileName().toString()));
        });
    }

    /** Makes the catalogue in {@code file} the one new assessments use. */
    public void importCatalogue(Path file) {
        run(() -> {
            book.installCatalogue(files.readCatalogue(file));
            return file.getFileName().toString();
        }, name -> status.set(new Status(Outcome.CATALOGUE_INSTALLED, name)));
    }

    /** Exports the assessment being shown, as it is on screen. */
    public void exportAssessment(Path file) {
        Assessment a = current.get();
        if (a == null) {
            return;
        }
        run(() -> {
            files.exportAssessments(file, List.of(a));
            return file.toString();
        }, name -> status.set(new Status(Outcome.EXPORTED, name)));
    }

    public void exportCatalogue(Path file) {
        run(() -> {
            files.exportCatalogue(file, book.catalogue());
            return file.toString();
        }, name -> status.set(new Status(Outcome.EXPORTED, name)));
    }

    public void compare(String beforeId, String afterId) {
        if (beforeId == null || afterId == null) {
            return;
        }
        run(() -> book.compare(beforeId, afterId), comparison::set);
    }

    private void show(Loaded loaded) {
        assessments.setAll(loaded.all());
        current.set(loaded.current());
        previous.set(loaded.previous());
        timeline.set(loaded.timeline());
        dirty.set(false);
    }

    private <T> void run(Work<T> work, Consumer<T> onDone) {
        busy.set(true);
        tasks.run(handle -> work.run(), result -> {
            busy.set(false);
            onDone.accept(result);
        }, failure -> {
            busy.set(false);
            // a refused file or export is the operator's to fix: its sentence goes on the status line
            String detail = failure instanceof GatehouseException g ? g.getMessage() : String.valueOf(failure.getMessage());
            status.set(new Status(Outcome.FAILED, detail));
            errors.accept(failure);
        });
    }

    /** Background work that needs no cancellation: each step is one short store or file call. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private record Loaded(List<AssessmentSummary> all, Assessment current, Assessment previous,
            Map<Dimension, List<TimelinePoint>> timeline) {
    }
}
