package io.gatehouse.views.review;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.views.common.TaskExecutor;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The checker inbox: four-eyes requests from the Case API waiting for a second person. Approving or
 * rejecting needs a reason and a fresh proof of presence; the desk refuses a maker checking their own.
 */
public final class CheckerInboxViewModel {
    /** What became of the checker's last action, for the inbox's status line. */
    public record Outcome(Kind kind, String approvalId, String refusal) {
        /** Approved, rejected, or refused with the desk's sentence. */
        public enum Kind { APPROVED, REJECTED, REFUSED }
    }

    private final ReviewDeskPort desk;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final ObservableList<PendingApproval> approvals = FXCollections.observableArrayList();
    private final ObjectProperty<PendingApproval> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final BooleanProperty working = new SimpleBooleanProperty(this, "working");
    private final BooleanProperty reasonMissing = new SimpleBooleanProperty(this, "reasonMissing");
    private final BooleanProperty passphraseMissing = new SimpleBooleanProperty(this, "passphraseMissing");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(this, "outcome");

    CheckerInboxViewModel(ReviewDeskPort desk, TaskExecutor tasks, Consumer<Throwable> errors) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** True when the checker proves presence with the card's PIN rather than the passphrase. */
    public boolean provesWithPin() {
        return desk.checkerProof() == io.gatehouse.views.session.SecretRequest.SecretKind.PIN;
    }

    /** Reads the pending requests again, keeping the selected one if it is still pending. */
    public void refresh() {
        String keep = selected.get() == null ? null : selected.get().id();
        loading.set(true);
        tasks.run(handle -> desk.pendingApprovals(), found -> {
            loading.set(false);
            approvals.setAll(found);
            selected.set(found.stream().filter(a -> a.id().equals(keep)).findFirst()
                    .orElse(found.isEmpty() ? null : found.getFirst()));
        }, failure -> {
            loading.set(false);
            errors.accept(failure);
        });
    }

    /** Approves the selected request; the passphrase is wiped whatever happens. */
    public void approve(String reason, char[] passphrase) {
        act(true, reason, passphrase);
    }

    /** Rejects the selected request with a reason the maker can act on. */
    public void reject(String reason, char[] passphrase) {
        act(false, reason, passphrase);
    }

    private void act(boolean approve, String reason, char[] passphrase) {
        PendingApproval approval = selected.get();
        boolean noReason = reason == null || reason.isBlank();
        boolean noProof = passphrase == null || passphrase.length == 0;
        reasonMissing.set(noReason);
        passphraseMissing.set(noProof);
        if (approval == null || noReason || noProof || working.get()) {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
            return;
        }
        working.set(true);
        String text = reason.strip();
        tasks.run(handle -> {
            if (approve) {
                DecisionResult result = desk.approve(approval.id(), text, passphrase);
                return result;
            }
            return desk.reject(approval.id(), text, passphrase);
        }, done -> {
            working.set(false);
            outcome.set(new Outcome(approve ? Outcome.Kind.APPROVED : Outcome.Kind.REJECTED, approval.id(), null));
            approvals.remove(approval);
            selected.set(approvals.isEmpty() ? null : approvals.getFirst());
        }, failure -> {
            working.set(false);
            if (failure instanceof GatehouseException refused) {
                // self-approval, a stale proof or a wrong passphrase: the desk's own sentence, in place
                outcome.set(new Outcome(Outcome.Kind.REFUSED, approval.id(), refused.getMessage()));
            } else {
                errors.accept(failure);
            }
        });
    }

    public ObservableList<PendingApproval> approvals() {
        return approvals;
    }

    public ObjectProperty<PendingApproval> selectedProperty() {
        return selected;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public BooleanProperty reasonMissingProperty() {
        return reasonMissing;
    }

    public BooleanProperty passphraseMissingProperty() {
        return passphraseMissing;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }
}
