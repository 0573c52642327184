package io.gatehouse.views.audit;

import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.AuditReader;
import io.gatehouse.data.audit.ChainVerification;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.views.common.JobHandle;
import io.gatehouse.views.common.TaskExecutor;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audit log: filtered entries and the chain verification with progress, cancel and result. */
public final class AuditLogViewModel {
    static final int PAGE = 500;

    private final AuditReader reader;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final Supplier<ZoneId> zone;
    private final InstantSource clock;
    private final boolean mayVerify;

    private final StringProperty actor = new SimpleStringProperty(this, "actor", "");
    private final StringProperty action = new SimpleStringProperty(this, "action", "");
    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final BooleanBinding rangeReversed;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");

    private final ObjectProperty<VerifyState> verifyState = new SimpleObjectProperty<>(this, "verifyState", VerifyState.IDLE);
    private final LongProperty checked = new SimpleLongProperty(this, "checked");
    private final LongProperty total = new SimpleLongProperty(this, "total");
    private final ObjectProperty<ChainVerification> verification = new SimpleObjectProperty<>(this, "verification");
    private final ObjectProperty<Instant> verifiedAt = new SimpleObjectProperty<>(this, "verifiedAt");
    private final BooleanBinding canVerify;
    // Set by the job itself too, so a cancel can reach a job that is already running.
    private volatile JobHandle verifyJob;
    private long verifyRun;

    public AuditLogViewModel(AuditReader reader, Operator operator, TaskExecutor tasks, Consumer<Throwable> errors,
                             Supplier<ZoneId> zone, InstantSource clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mayVerify = operator.may(Permission.VERIFY_AUDIT);
        rangeReversed = Bindings.createBooleanBinding(
                () -> from.get() != null && to.get() != null && from.get().isAfter(to.get()), from, to);
        canVerify = Bindings.createBooleanBinding(() -> mayVerify && verifyState.get() != VerifyState.RUNNING, verifyState);
    }

    /** Reads the entries matching the filters, newest first. */
    public void refresh() {
        if (rangeReversed.get()) {
            return;
        }
        AuditQuery query = query();
        loading.set(true);
        tasks.run(handle -> reader.find(query), found -> {
            entries.setAll(found);
            loading.set(false);
            loaded.set(true);
        }, failure -> {
            loading.set(false);
            errors.accept(failure);
        });
    }

    public void clearFilters() {
        actor.set("");
        action.set("");
        subject.set("");
        from.set(null);
        to.set(null);
        refresh();
    }

    /** The query for the current filters; dates cover whole days in the zone times are shown in. */
    public AuditQuery query() {
        ZoneId z = zone.get();
        Instant start = from.get() == null ? null : from.get().atStartOfDay(z).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(z).toInstant();
        return new AuditQuery(blankToNull(actor.get()), blankToNull(action.get()), blankToNull(subject.get()), start, end, PAGE);
    }

    /** Walks the whole chain in the background, reporting progress. */
    public void verify() {
        if (!canVerify.get()) {
            return;
        }
        long run = ++verifyRun;
        verifyState.set(VerifyState.RUNNING);
        verification.set(null);
        checked.set(0);
        total.set(0);
        verifyJob = tasks.run(handle -> {
            verifyJob = handle;
            return reader.verify(new ThrottledProgress(run, handle));
        }, result -> {
            if (run != verifyRun) {
                return;
            }
            verification.set(result);
            verifiedAt.set(clock.instant());
            checked.set(result.count());
            total.set(Math.max(total.get(), result.count()));
            verifyState.set(result.intact() ? VerifyState.INTACT : VerifyState.BROKEN);
        }, failure -> {
            if (run != verifyRun) {
                return;
            }
            if (failure instanceof CancellationException) {
                verifyState.set(VerifyState.CANCELLED);
            } else {
                verifyState.set(VerifyState.FAILED);
                errors.accept(failure);
            }
        });
    }

    /** Asks the verification to stop; the area shows it as cancelled at once. */
    public void cancelVerify() {
        if (verifyState.get() == VerifyState.RUNNING && verifyJob != null) {
            verifyRun++;
            verifyJob.cancel();
            verifyState.set(VerifyState.CANCELLED);
        }
    }

    public boolean mayVerify() {
        return mayVerify;
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public BooleanBinding rangeReversedProperty() {
        return rangeReversed;
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** True once a query has answered, so the view can tell "nothing found" from "not asked yet". */
    public BooleanProperty loadedProperty() {
        return loaded;
    }

    public ObjectProperty<VerifyState> verifyStateProperty() {
        return verifyState;
    }

    public LongProperty checkedProperty() {
        return checked;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ObjectProperty<ChainVerification> verificationProperty() {
        return verification;
    }

    public ObjectProperty<Instant> verifiedAtProperty() {
        return verifiedAt;
    }

    public BooleanBinding canVerifyProperty() {
        return canVerify;
    }

    /**
     * Passes progress to the UI with at most one update pending at a time, so a long chain does not
     * flood the UI thread; the update shows the latest numbers when it runs.
     */
    private final class ThrottledProgress implements VerifyProgress {
        private final long run;
        private final JobHandle handle;
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong all = new AtomicLong();
        private final AtomicBoolean pending = new AtomicBoolean();

        ThrottledProgress(long run, JobHandle handle) {
            this.run = run;
            this.handle = handle;
        }

        @Override
        public void checked(long doneNow, long allNow) {
            done.set(doneNow);
            all.set(allNow);
            if (pending.compareAndSet(false, true)) {
                tasks.onUi(() -> {
                    pending.set(false);
                    if (run == verifyRun && verifyState.get() == VerifyState.RUNNING) {
                        checked.set(done.get());
                        total.set(all.get());
                    }
                });
            }
        }

        @Override
        public boolean cancelled() {
            return handle.cancelled();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
