package io.gatehouse.views.review;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeskView;
import io.gatehouse.data.review.DeskViewStore;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.views.common.TaskExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Review desk: the queue page by page under the analyst's filter, the selected case and its
 * lease, decisions on it, and the desk's helpers (notes, checker inbox, bulk run, saved views).
 * Every call to the desk runs on the background executor; results come back on the UI thread.
 */
public final class ReviewDeskViewModel {
    static final int PAGE = 50;
    /** How often the queue is read again for new cases while the desk is open. */
    static final Duration POLL_EVERY = Duration.ofSeconds(20);

    /** Keeps the queue's scroll position while new cases arrive above it; the view implements it. */
    public interface ScrollKeeper {
        /** The case at the top of the visible part of the queue, or null. */
        String topCaseId();

        /** Scrolls so that this case is at the top again. */
        void showAtTop(String caseId);

        ScrollKeeper NONE = new ScrollKeeper() {
            @Override
            public String topCaseId() {
                return null;
            }

            @Override
            public void showAtTop(String caseId) {
                // nothing on screen to keep
            }
        };
    }

    /** The column a view sorts by and its direction; a null column keeps the queue's order. */
    public record Sort(String column, boolean ascending) {
        static final Sort NEWEST_FIRST = new Sort(null, true);
    }

    private final ReviewDeskPort desk;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final InstantSource clock;
    private final CaseClaims claims;
    private final CaseNotesViewModel notes;
    private final CheckerInboxViewModel inbox;
    private final BulkDecisionViewModel bulk;
    private final SavedViewsModel savedViews;

    private final ObjectProperty<StatusChoice> status = new SimpleObjectProperty<>(this, "status", StatusChoice.REVIEW);
    private final ObjectProperty<QueueFilter> filter = new SimpleObjectProperty<>(this, "filter", QueueFilter.inReview());
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(this, "sort", Sort.NEWEST_FIRST);
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
    private final BooleanProperty hasMore = new SimpleBooleanProperty(this, "hasMore");
    private final BooleanProperty deciding = new SimpleBooleanProperty(this, "deciding");
    private final BooleanProperty reasonRequested = new SimpleBooleanProperty(this, "reasonRequested");
    private final BooleanProperty reasonMissing = new SimpleBooleanProperty(this, "reasonMissing");
    private final ObjectProperty<Decided> lastDecision = new SimpleObjectProperty<>(this, "lastDecision");
    private ScrollKeeper scrollKeeper = ScrollKeeper.NONE;
    private String nextCursor;
    private long run;
    private boolean polling;
    private boolean merging;
    private final BooleanProperty selectionRestored = new SimpleBooleanProperty(this, "selectionRestored");
    private Instant lastRead;

    /** A decision the desk took, for the area's status line; {@code approvalId} is set while it waits for a checker. */
    public record Decided(String caseId, DecisionAction action, RowDelivery delivery, String approvalId) {
        public Decided(String caseId, DecisionAction action, RowDelivery delivery) {
            this(caseId, action, delivery, null);
        }
    }

    private io.gatehouse.views.session.StepUpGate stepUp = io.gatehouse.views.session.StepUpGate.NONE;

    /** Asks for fresh proof through {@code gate} before a decline is reversed. */
    public void stepUp(io.gatehouse.views.session.StepUpGate gate) {
        this.stepUp = java.util.Objects.requireNonNull(gate, "gate");
    }

    public ReviewDeskViewModel(ReviewDeskPort desk, TaskExecutor tasks, Consumer<Throwable> errors) {
        this(desk, tasks, errors, InstantSource.system(), null);
    }

    /** The desk with its clock (SLA timers, leases, polling) and the operator's saved views, or none. */
    public ReviewDeskViewModel(ReviewDeskPort desk, TaskExecutor tasks, Consumer<Throwable> errors, InstantSource clock,
            DeskViewStore views) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.claims = new CaseClaims(desk, tasks, errors);
        this.notes = new CaseNotesViewModel(desk, tasks, errors);
        this.inbox = new CheckerInboxViewModel(desk, tasks, errors);
        this.bulk = new BulkDecisionViewModel(desk, tasks, errors, clock);
        this.savedViews = new SavedViewsModel(views, tasks, errors);
        now.set(clock.instant());
        status.addListener((obs, before, after) -> {
            if (after != null && after != filter.get().status()) {
                filter.set(filter.get().withStatus(after));
            }
        });
        filter.addListener((obs, before, after) -> {
            if (after.status() != status.get()) {
                status.set(after.status());
            }
            if (!after.equals(before)) {
                refresh();
            }
        });
        selected.addListener((obs, before, after) -> opened(before, after));
        // after a bulk run the queue is read again, so each row shows its new delivery state
        bulk.phaseProperty().addListener((obs, before, after) -> {
            if (after == BulkDecisionViewModel.Phase.DONE) {
                refresh();
            }
        });
    }

    private void opened(QueueRow before, QueueRow after) {
        String was = before == null ? null : before.id();
        String is = after == null ? null : after.id();
        if (Objects.equals(was, is)) {
            return;
        }
        notes.show(is);
        if (after != null && CaseStatus.REVIEW.equals(after.reviewCase().status())) {
            // opening a case in review takes its lease, so a colleague sees it is being worked
            claims.claim(is, clock.instant());
        } else {
            claims.release();
        }
    }

    /**
     * Reads the first page again for the current filter. The selected case stays selected if it is
     * still listed; otherwise the first case is selected, ready for triage.
     */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().id();
        long mine = ++run;
        QueueFilter current = filter.get();
        loading.set(true);
        tasks.run(handle -> fetch(current, null), page -> {
            if (mine != run) {
                return;
            }
            rows.setAll(page.rows());
            nextCursor = page.next();
            hasMore.set(nextCursor != null);
            loading.set(false);
            loaded.set(true);
            lastRead = clock.instant();
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
        QueueFilter current = filter.get();
        String cursor = nextCursor;
        loading.set(true);
        tasks.run(handle -> fetch(current, cursor), page -> {
            if (mine != run) {
                return;
            }
            rows.addAll(page.rows());
            nextCursor = page.next();
            hasMore.set(nextCursor != null);
            loading.set(false);
        }, failure -> failed(mine, failure));
    }

    /**
     * Reads the newest page again and merges it into the queue: new cases are added above, changed
     * ones replaced in place, and the selection and the scroll position stay where the analyst left them.
     */
    public void poll() {
        if (loading.get() || polling || !loaded.get()) {
            return;
        }
        long mine = run;
        polling = true;
        QueueFilter current = filter.get();
        tasks.run(handle -> fetch(current, null), page -> {
            polling = false;
            lastRead = clock.instant();
            if (mine == run) {
                merge(page.rows());
            }
        }, failure -> {
            polling = false;
            lastRead = clock.instant();
            errors.accept(failure);
        });
    }

    private void merge(List<QueueRow> fresh) {
        String top = scrollKeeper.topCaseId();
        QueueRow chosen = selected.get();
        merging = true;
        try {
            mergeRows(fresh, chosen);
        } finally {
            merging = false;
        }
        // the table may have dropped its selection while rows changed under it: put it back by case
        if (chosen != null) {
            QueueRow again = rows.stream().filter(r -> r.id().equals(chosen.id())).findFirst().orElse(chosen);
            selected.set(again);
            if (again == chosen) {
                // same object: the view did not hear a change, so it is reminded
                selectionRestored.set(!selectionRestored.get());
            }
        }
        if (top != null) {
            scrollKeeper.showAtTop(top);
        }
    }

    private void mergeRows(List<QueueRow> fresh, QueueRow chosen) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            at.put(rows.get(i).id(), i);
        }
        List<QueueRow> added = new ArrayList<>();
        for (QueueRow row : fresh) {
            Integer index = at.get(row.id());
            if (index == null) {
                added.add(row);
                continue;
            }
            QueueRow old = rows.get(index);
            if (!old.reviewCase().equals(row.reviewCase())) {
                rows.set(index, row);
            } else if (old.deliveryProperty().get() != row.deliveryProperty().get()) {
                old.deliveryProperty().set(row.deliveryProperty().get());
            }
        }
        if (!added.isEmpty()) {
            rows.addAll(0, added);
        }
    }

    /** True while new rows are merged in; the view ignores the selection changes this causes in the table. */
    public boolean merging() {
        return merging;
    }

    /** Flips when a merge put the same selected row back, so the view can select it in the table again. */
    public BooleanProperty selectionRestoredProperty() {
        return selectionRestored;
    }

    private void failed(long mine, Throwable failure) {
        if (mine == run) {
            loading.set(false);
        }
        errors.accept(failure);
    }

    private Page fetch(QueueFilter current, String cursor) {
        CasePage page = desk.list(current.toCaseFilter(desk.operatorId(), PAGE), cursor);
        Instant at = clock.instant();
        List<QueueRow> found = new ArrayList<>(page.cases().size());
        for (ReviewCase c : page.cases()) {
            RowDelivery delivery = desk.latestDelivery(c.id()).map(RowDelivery::of).orElse(RowDelivery.NONE);
            if (current.acceptsLocally(c, delivery, at)) {
                found.add(new QueueRow(c, delivery));
            }
        }
        return new Page(found, page.nextCursor());
    }

    private record Page(List<QueueRow> rows, String next) {
    }

    CaseFilter filter() {
        return filter.get().toCaseFilter(desk.operatorId(), PAGE);
    }

    /**
     * The shared tick, once a second from the view: moves the SLA timers on the injected clock,
     * renews or lets go of the lease, and reads new cases every {@link #POLL_EVERY}.
     */
    public void tick() {
        Instant at = clock.instant();
        now.set(at);
        claims.tick(at);
        if (lastRead != null && Duration.between(lastRead, at).compareTo(POLL_EVERY) >= 0) {
            poll();
        }
    }

    /** The analyst pressed a key or clicked: their lease stays theirs. */
    public void touch() {
        claims.touch(clock.instant());
    }

    /** Takes the lease on the selected case, or gives it back when this analyst holds it. */
    public void toggleClaim() {
        QueueRow row = selected.get();
        if (row == null) {
            return;
        }
        ClaimState state = claims.stateProperty().get();
        if (state.kind() == ClaimState.Kind.MINE && row.id().equals(state.caseId())) {
            claims.release();
        } else {
            claims.claim(row.id(), clock.instant());
        }
    }

    /** Assigns the selected case to another analyst (leads); a blank name is ignored. */
    public boolean assign(String analyst) {
        QueueRow row = selected.get();
        if (row == null || analyst == null || analyst.isBlank()) {
            return false;
        }
        claims.assign(row.id(), analyst.strip());
        return true;
    }

    /** Gives back the lease when the analyst leaves the desk. */
    public void leave() {
        claims.release();
    }

    /** Shows only this operator's claimed cases, or every case again. */
    public void toggleMine() {
        filter.set(filter.get().withMine(!filter.get().mine()));
    }

    /** Saves the current filter and sort under a name. */
    public void saveView(String name) {
        DeskView view;
        try {
            view = new DeskView(name == null ? "" : name, filter.get().toFields(), sort.get().column(), sort.get().ascending());
        } catch (IllegalArgumentException e) {
            errors.accept(new io.gatehouse.data.GatehouseException(io.gatehouse.data.FailureKind.CHECK_FAILED,
                    "A view needs a name of 1 to " + DeskView.MAX_NAME + " characters."));
            return;
        }
        savedViews.save(view);
    }

    /** Puts a saved view's filter and sort in place. */
    public void applyView(DeskView view) {
        QueueFilter restored;
        try {
            restored = QueueFilter.fromFields(view.filter());
        } catch (IllegalArgumentException e) {
            errors.accept(new io.gatehouse.data.GatehouseException(io.gatehouse.data.FailureKind.CHECK_FAILED,
                    "The saved view '" + view.name() + "' holds a filter this console cannot read (" + e.getMessage()
                            + "); save it again."));
            return;
        }
        sort.set(new Sort(view.sortColumn(), view.ascending()));
        filter.set(restored);
    }

    public void deleteView(String name) {
        savedViews.delete(name);
    }

    /** Reads the saved views, once. */
    public void loadViews() {
        savedViews.load();
    }

    /** Previews a bulk decision over the whole filtered set. */
    public void previewBulk(DecisionAction action) {
        bulk.preview(action, filter.get(), desk::operatorId);
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
        ClaimState claim = claims.stateProperty().get();
        if (claim.kind() == ClaimState.Kind.OTHER && row.id().equals(claim.caseId())) {
            // never act on a case a colleague is working: the lease says who, and the desk shows it
            errors.accept(new io.gatehouse.data.GatehouseException(io.gatehouse.data.FailureKind.UPSTREAM,
                    claim.problem()));
            return;
        }
        claims.touch(clock.instant());
        deciding.set(true);
        tasks.run(handle -> desk.decide(row.id(), action, reason), result -> {
            deciding.set(false);
            RowDelivery delivery = switch (result) {
                case DecisionResult.Queued queued -> RowDelivery.of(queued.entry().state());
                case DecisionResult.AwaitingSecondPerson waiting -> RowDelivery.AWAITING_SECOND_PERSON;
            };
            String approval = result instanceof DecisionResult.AwaitingSecondPerson waiting ? waiting.approval().id() : null;
            row.deliveryProperty().set(delivery);
            lastDecision.set(new Decided(row.id(), action, delivery, approval));
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

    public void setScrollKeeper(ScrollKeeper keeper) {
        this.scrollKeeper = keeper == null ? ScrollKeeper.NONE : keeper;
    }

    public String operatorId() {
        return desk.operatorId();
    }

    public Duration slaTarget() {
        return desk.slaTarget();
    }

    public ObjectProperty<StatusChoice> statusProperty() {
        return status;
    }

    public ObjectProperty<QueueFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    /** The time the SLA timers show, moved on by {@link #tick()}. */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    public ObservableList<QueueRow> rows() {
        return rows;
    }

    public ObjectProperty<QueueRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ClaimState> claimProperty() {
        return claims.stateProperty();
    }

    public CaseNotesViewModel notes() {
        return notes;
    }

    public CheckerInboxViewModel inbox() {
        return inbox;
    }

    public BulkDecisionViewModel bulk() {
        return bulk;
    }

    public SavedViewsModel savedViews() {
        return savedViews;
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
