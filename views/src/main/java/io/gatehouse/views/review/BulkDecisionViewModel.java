package io.gatehouse.views.review;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.review.CaseClaimedException;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.views.common.TaskExecutor;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One decision over the whole filtered set, not only the rows read so far: first every page is
 * read to count the cases it would touch (the preview), then, once confirmed, each case is decided
 * through the desk one by one on the background executor, with progress and cancel.
 */
public final class BulkDecisionViewModel {
    /** More cases than this in one run is more likely a filter mistake than a plan. */
    static final int MAX_CASES = 5_000;
    private static final int PAGE = CaseFilter.MAX_LIMIT;

    /** Where the bulk run stands. */
    public enum Phase { IDLE, COUNTING, PREVIEW, RUNNING, DONE }

    /** How a run ended. */
    public record Summary(DecisionAction action, int done, int failed, int skipped, boolean cancelled, String firstFailure) {
    }

    private final ReviewDeskPort desk;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final InstantSource clock;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.IDLE);
    private final ObjectProperty<DecisionAction> action = new SimpleObjectProperty<>(this, "action");
    private final IntegerProperty matching = new SimpleIntegerProperty(this, "matching");
    private final IntegerProperty skippedInPreview = new SimpleIntegerProperty(this, "skippedInPreview");
    private final IntegerProperty processed = new SimpleIntegerProperty(this, "processed");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final ObjectProperty<Summary> summary = new SimpleObjectProperty<>(this, "summary");
    private List<String> targets = List.of();
    private int previewSkipped;
    // our own flag, not the job's cancel: interrupting a thread mid-write would hurt the local store
    private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();

    BulkDecisionViewModel(ReviewDeskPort desk, TaskExecutor tasks, Consumer<Throwable> errors, InstantSource clock) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether the operator may run bulk decisions at all; the desk checks again at the start. */
    public boolean permitted() {
        return desk.mayDecideInBulk();
    }

    /**
     * Counts the cases the action would decide under the filter. Cases not in review, or claimed by
     * another analyst, are counted as skipped: a bulk run never takes a case from a colleague.
     */
    void preview(DecisionAction chosen, QueueFilter filter, Supplier<String> operator) {
        if (phase.get() == Phase.COUNTING || phase.get() == Phase.RUNNING) {
            return;
        }
        if (!permitted()) {
            errors.accept(new GatehouseException(FailureKind.PERMISSION, "Bulk decisions need the bulk permission,"
                    + " which leads hold. Decide the cases one by one, or ask a lead."));
            return;
        }
        action.set(chosen);
        phase.set(Phase.COUNTING);
        summary.set(null);
        String me = operator.get();
        stop.set(false);
        tasks.run(handle -> count(filter, me), found -> {
            if (phase.get() != Phase.COUNTING) {
                return;
            }
            targets = found.ids();
            previewSkipped = found.skipped();
            matching.set(targets.size());
            skippedInPreview.set(found.skipped());
            phase.set(Phase.PREVIEW);
        }, failure -> {
            phase.set(Phase.IDLE);
            if (!(failure instanceof java.util.concurrent.CancellationException)) {
                errors.accept(failure);
            }
        });
    }

    private Counted count(QueueFilter filter, String me) {
        CaseFilter upstream = filter.toCaseFilter(me, PAGE);
        List<String> ids = new ArrayList<>();
        int skipped = 0;
        String cursor = null;
        do {
            if (stop.get()) {
                throw new java.util.concurrent.CancellationException();
            }
            CasePage page = desk.list(upstream, cursor);
            for (ReviewCase c : page.cases()) {
                RowDelivery delivery = filter.delivery() == DeliveryChoice.ANY ? RowDelivery.NONE
                        : desk.latestDelivery(c.id()).map(RowDelivery::of).orElse(RowDelivery.NONE);
                if (!filter.acceptsLocally(c, delivery, clock.instant())) {
                    continue;
                }
                boolean otherHolder = c.assignee() != null && !c.assignee().equalsIgnoreCase(me);
                if (!CaseStatus.REVIEW.equals(c.status()) || otherHolder) {
                    skipped++;
                } else {
                    ids.add(c.id());
                }
            }
            if (ids.size() > MAX_CASES) {
                throw new GatehouseException(FailureKind.CHECK_FAILED, "More than " + MAX_CASES
                        + " cases match this filter; narrow it before deciding them in bulk.");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new Counted(List.copyOf(ids), skipped);
    }

    private record Counted(List<String> ids, int skipped) {
    }

    /** Decides every previewed case; progress and the summary come back on the UI thread. */
    public void confirm() {
        if (phase.get() != Phase.PREVIEW) {
            return;
        }
        DecisionAction chosen = action.get();
        List<String> ids = targets;
        int skippedBefore = previewSkipped;
        phase.set(Phase.RUNNING);
        processed.set(0);
        progress.set(0);
        stop.set(false);
        tasks.run(handle -> run(chosen, ids, skippedBefore), done -> {
            summary.set(done);
            phase.set(Phase.DONE);
        }, failure -> {
            phase.set(Phase.IDLE);
            errors.accept(failure);
        });
    }

    private Summary run(DecisionAction chosen, List<String> ids, int skippedBefore) {
        desk.startBulk(chosen, ids.size());
        int done = 0;
        int failed = 0;
        int skipped = skippedBefore;
        String firstFailure = null;
        int at = 0;
        for (String id : ids) {
            if (stop.get()) {
                break;
            }
            try {
                // each case through the desk's one decide: same permission, outbox and audit as a key press
                desk.decide(id, chosen, "");
                done++;
            } catch (CaseClaimedException e) {
                skipped++;
            } catch (RuntimeException e) {
                failed++;
                firstFailure = firstFailure == null ? id + ": " + e.getMessage() : firstFailure;
            }
            at++;
            int seen = at;
            tasks.onUi(() -> {
                processed.set(seen);
                progress.set(ids.isEmpty() ? 1 : (double) seen / ids.size());
            });
        }
        boolean cancelled = at < ids.size();
        skipped += ids.size() - at;
        desk.finishBulk(chosen, done, failed, skipped, cancelled);
        return new Summary(chosen, done, failed, skipped, cancelled, firstFailure);
    }

    /** Stops counting or deciding; decisions already taken stay taken. */
    public void cancel() {
        stop.set(true);
        if (phase.get() == Phase.PREVIEW || phase.get() == Phase.COUNTING) {
            phase.set(Phase.IDLE);
        }
    }

    /** Closes the summary. */
    public void dismiss() {
        if (phase.get() == Phase.DONE || phase.get() == Phase.PREVIEW) {
            phase.set(Phase.IDLE);
        }
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ObjectProperty<DecisionAction> actionProperty() {
        return action;
    }

    public IntegerProperty matchingProperty() {
        return matching;
    }

    public IntegerProperty skippedInPreviewProperty() {
        return skippedInPreview;
    }

    public IntegerProperty processedProperty() {
        return processed;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<Summary> summaryProperty() {
        return summary;
    }
}
