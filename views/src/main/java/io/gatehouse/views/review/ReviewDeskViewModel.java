package io.gatehouse.views.review;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.views.common.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Review desk: the queue page by page, the selected case, and decisions on it. Every call to the
 * desk runs on the background executor; results and failures come back on the UI thread.
 */
public final class ReviewDeskViewModel {
    static final int PAGE = 50;

    private final ReviewDeskPort desk;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;

    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(this, "status", StatusChoice.REVIEW);
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final BooleanProperty hasMore = new SimpleBooleanProperty(this, "hasMore");
    private final BooleanProperty deciding = new SimpleBooleanProperty(this, "deciding");
    private final BooleanProperty reasonRequested = new SimpleBooleanProperty(this, "reasonRequested");
    private final BooleanProperty reasonMissing = new SimpleBooleanProperty(this, "reasonMissing");
    private final ObjectProperty<Decided> lastDecision = new SimpleObjectProperty<>(this, "lastDecision");
    private String nextCursor;
    private long run;

    /** A decision the desk took, for the area's status line. */
    public record Decided(String caseId, DecisionAction action, RowDelivery delivery) {
    }

    private io.gatehouse.views.session.StepUpGate stepUp = io.gatehouse.views.session.StepUpGate.NONE;

    /** Asks for fresh proof through {@code gate} before a decline is reversed. */
    public void stepUp(io.gatehouse.views.session.StepUpGate gate) {
        this.stepUp = java.util.Objects.requireNonNull(gate, "gate");
    }

    public ReviewDeskViewModel(ReviewDeskPort desk, TaskExecutor tasks, Consumer<Throwable> errors) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        status.addListener((obs, before, now) -> refresh());
    }

    /**
     * Reads the first page again for the current filter. The selected case stays selected if it is
     * still listed; otherwise the first case is selected, ready for triage.
     */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().id();
        long mine = ++run;
        CaseFilter filter = filter();
        loading.set(true);
        tasks.run(handle -> fetch(filter, null), page -> {
            if (mine != run) {
                return;
            }
            rows.setAll(page.rows());
            nextCursor = page.next();
            hasMore.set(nextCursor != null);
            loading.set(false);
            loaded.set(true);
            selected.set(rows.stream().filter(r -> r.id().equals(keep)).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.getFirst()));
        }, failure -> failed(mine, failure));
    }

    /** Appends the next page, following the cursor of the last one. */
    public void loadMore() {
        if (nextCursor == null || loading.get()) {
            return;
        }
        long mine = ++run;
        CaseFilter filter = filter();
        String cursor = nextCursor;
        loading.set(true);
        tasks.run(handle -> fetch(filter, cursor), page -> {
            if (mine != run) {
                return;
            }
            rows.addAll(page.rows());
            nextCursor = page.next();
            hasMore.set(nextCursor != null);
            loading.set(false);
        }, failure -> failed(mine, failure));
    }

    private void failed(long mine, Throwable failure) {
        if (mine == run) {
            loading.set(false);
        }
        errors.accept(failure);
    }

    private Page fetch(CaseFilter filter, String cursor) {
        CasePage page = desk.list(filter, cursor);
        List<QueueRow> found = new ArrayList<>(page.cases().size());
        for (ReviewCase c : page.cases()) {
            found.add(new QueueRow(c, desk.latestDelivery(c.id()).map(RowDelivery::of).orElse(RowDelivery.NONE)));
        }
        return new Page(found, page.nextCursor());
    }

    private record Page(List<QueueRow> rows, String next) {
    }

    CaseFilter filter() {
        return CaseFilter.all().withStatus(status.get().status()).withLimit(PAGE);
    }

    public void approve() {
        decide(DecisionAction.APPROVE, "");
    }

    public void decline() {
        decide(DecisionAction.DECLINE, "");
    }

    public void hold() {
        decide(DecisionAction.HOLD, "");
    }

    public void escalate() {
        decide(DecisionAction.ESCALATE, "");
    }

    /** A reversal needs a reason: this asks for one; {@link #reverse(String)} sends it. */
    public void requestReversal() {
        if (selected.get() != null) {
            reasonMissing.set(false);
            reasonRequested.set(true);
        }
    }

    /** Reverses the selected case's decline with the operator's reason; a blank reason is refused here. */
    public void reverse(String reason) {
        if (reason == null || reason.isBlank()) {
            reasonMissing.set(true);
            return;
        }
        reasonRequested.set(false);
        reasonMissing.set(false);
        // a reversal may be above the four-eyes amount, which only the desk knows: every reversal steps up
        String why = reason.strip();
        stepUp.before("decline.reverse", () -> decide(DecisionAction.REVERSE_DECLINE, why));
    }

    public void cancelReversal() {
        reasonRequested.set(false);
        reasonMissing.set(false);
    }

    private void decide(DecisionAction action, String reason) {
        QueueRow row = selected.get();
        if (row == null) {
            return;
        }
        deciding.set(true);
        tasks.run(handle -> desk.decide(row.id(), action, reason), result -> {
            deciding.set(false);
            RowDelivery delivery = switch (result) {
                case DecisionResult.Queued queued -> RowDelivery.of(queued.entry().state());
                case DecisionResult.AwaitingSecondPerson waiting -> RowDelivery.AWAITING_SECOND_PERSON;
            };
            row.deliveryProperty().set(delivery);
            lastDecision.set(new Decided(row.id(), action, delivery));
        }, failure -> {
            deciding.set(false);
            errors.accept(failure);
        });
    }

    /** Selects the next case in the queue, or the first one when none is selected. */
    public void next() {
        move(1);
    }

    public void previous() {
        move(-1);
    }

    private void move(int step) {
        if (rows.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : rows.indexOf(selected.get());
        int to = at < 0 ? 0 : Math.clamp(at + step, 0, rows.size() - 1);
        selected.set(rows.get(to));
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    public ObservableList<QueueRow> rows() {
        return rows;
    }

    public ObjectProperty<QueueRow> selectedProperty() {
        return selected;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** True once a page has arrived, so the view can tell an empty queue from one not read yet. */
    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public BooleanProperty decidingProperty() {
        return deciding;
    }

    /** True while the area asks for the reason of a reversal. */
    public BooleanProperty reasonRequestedProperty() {
        return reasonRequested;
    }

    /** True when a reversal was sent without a reason. */
    public BooleanProperty reasonMissingProperty() {
        return reasonMissing;
    }

    public ObjectProperty<Decided> lastDecisionProperty() {
        return lastDecision;
    }
}
