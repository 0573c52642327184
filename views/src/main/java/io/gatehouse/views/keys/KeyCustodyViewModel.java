package io.gatehouse.views.keys;

import io.gatehouse.data.keys.CryptoperiodStatus;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.RotationInterruptedException;
import io.gatehouse.data.keys.RotationOutcome;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.InventoryAuditor;
import io.gatehouse.data.keys.token.KeyFinding;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.views.common.TaskExecutor;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Key custody area's state and actions. Every port call runs on the background executor; a
 * wrong PIN is told to the PIN prompt and the call is tried again, since the token refused the
 * login before anything was done.
 */
public final class KeyCustodyViewModel {
    /** Wrong PINs accepted in a row before the area gives up and says so; real cards lock at 3. */
    static final int PIN_ATTEMPTS = 3;

    private final KeyCustodyPort port;
    private final TaskExecutor tasks;
    private final Consumer<Throwable> errors;
    private final PinPrompt pins;
    private final InstantSource clock;
    private final InventoryAuditor auditor = new InventoryAuditor();

    private final ObjectProperty<TokenRef> token = new SimpleObjectProperty<>(this, "token");
    private final StringProperty rotationUnavailable = new SimpleStringProperty(this, "rotationUnavailable", "");
    private final ObservableList<ModuleScan> modules = FXCollections.observableArrayList();
    private final ObservableList<InventoryRow> inventory = FXCollections.observableArrayList();
    private final ObservableList<KeyFinding> findings = FXCollections.observableArrayList();
    private final ObservableList<KeyRing> rings = FXCollections.observableArrayList();
    private final ObjectProperty<KeyRing> selectedRing = new SimpleObjectProperty<>(this, "selectedRing");
    private final ObservableList<KeyVersion> due = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty inventoryLoaded = new SimpleBooleanProperty(this, "inventoryLoaded");
    private final IntegerProperty loads = new SimpleIntegerProperty(this, "loads");
    private final ObjectProperty<Notice> status = new SimpleObjectProperty<>(this, "status");
    private final RotationWizard wizard = new RotationWizard();
    private volatile boolean cancelAsked;
    private io.gatehouse.views.session.StepUpGate stepUp = io.gatehouse.views.session.StepUpGate.NONE;

    public KeyCustodyViewModel(KeyCustodyPort port, TaskExecutor tasks, Consumer<Throwable> errors, PinPrompt pins,
            InstantSource clock) {
        this.port = Objects.requireNonNull(port, "port");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.pins = Objects.requireNonNull(pins, "pins");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Asks for fresh proof through {@code gate} before rotating, rolling back, retiring, restoring or destroying. */
    public void stepUp(io.gatehouse.views.session.StepUpGate gate) {
        this.stepUp = Objects.requireNonNull(gate, "gate");
    }

    /** Reads the modules, the rings and what is due; then the inventory when a token is chosen. */
    public void refresh() {
        loads.set(loads.get() + 1);
        record Overview(Optional<TokenRef> configured, Optional<String> unavailable, List<ModuleScan> modules,
                List<KeyRing> rings, List<KeyVersion> due) {
        }
        busy.set(true);
        tasks.run(handle -> new Overview(port.configuredToken(), port.rotationUnavailable(), port.scanModules(),
                port.rings(), port.due()), overview -> {
                    busy.set(false);
                    if (token.get() == null) {
                        token.set(overview.configured().orElse(null));
                    }
                    rotationUnavailable.set(overview.unavailable().orElse(""));
                    modules.setAll(overview.modules());
                    showRings(overview.rings());
                    due.setAll(overview.due());
                    status.set(token.get() == null ? Notice.info("keys.status.noToken")
                            : Notice.info("keys.status.loaded", overview.rings().size(), token.get().label()));
                    if (token.get() != null) {
                        loadInventory();
                    }
                }, this::failed);
    }

    /** Works on another token from now on, and reads its inventory. */
    public void selectToken(TokenRef ref) {
        token.set(Objects.requireNonNull(ref, "ref"));
        inventory.clear();
        findings.clear();
        inventoryLoaded.set(false);
        loadInventory();
    }

    /** Reads every object on the token (asking for the PIN) and audits it for findings. */
    public void loadInventory() {
        TokenRef ref = token.get();
        if (ref == null) {
            status.set(Notice.info("keys.status.noToken"));
            return;
        }
        busy.set(true);
        status.set(Notice.info("keys.status.reading", ref.label()));
        tasks.run(handle -> withPin(pin -> port.inventory(ref, pin)), keys -> {
            busy.set(false);
            List<KeyFinding> found = auditor.audit(keys);
            List<InventoryRow> rows = new ArrayList<>();
            for (KeyObject k : keys) {
                rows.add(new InventoryRow(k, found.stream().filter(f -> f.key() == k).toList()));
            }
            inventory.setAll(rows);
            findings.setAll(found);
            inventoryLoaded.set(true);
            status.set(found.isEmpty() ? Notice.info("keys.status.inventory", keys.size(), ref.label())
                    : Notice.problem("keys.status.findings", keys.size(), ref.label(), found.size()));
        }, this::failed);
    }

    /** Starts, or resumes, the rotation of the selected ring in the wizard. */
    public void rotate() {
        KeyRing ring = selectedRing.get();
        TokenRef ref = token.get();
        if (ring == null || wizard.running()) {
            return;
        }
        if (ref == null || !rotationUnavailable.get().isEmpty()) {
            status.set(Notice.problem("keys.status.cannotRotate", ring.name(),
                    ref == null ? "" : rotationUnavailable.get()));
            return;
        }
        stepUp.before("key.rotate", () -> startRotation(ring, ref));
    }

    private void startRotation(KeyRing ring, TokenRef ref) {
        if (wizard.running()) {
            return;
        }
        cancelAsked = false;
        wizard.start(ring.name());
        boolean[] first = {true};
        tasks.run(handle -> withPin(pin -> port.rotate(ref, ring.name(), pin, step -> {
            boolean isFirst = first[0];
            first[0] = false;
            tasks.onUi(() -> wizard.recorded(step, isFirst));
            if ((cancelAsked || handle.cancelled()) && step != RotationStep.ACTIVATED) {
                throw new CancellationException();
            }
        })), this::rotated, failure -> rotationFailed(ring, failure));
    }

    /** Stops the rotation at the next step boundary; the recorded state stays resumable. */
    public void cancelRotation() {
        if (wizard.running()) {
            cancelAsked = true;
            wizard.cancelling();
        }
    }

    /** Goes on from the recorded step of the interrupted rotation. */
    public void resume() {
        if (wizard.resumable()) {
            rotate();
        }
    }

    /** Abandons the interrupted rotation of the wizard's ring. */
    public void rollBack() {
        String ring = wizard.ringProperty().get();
        TokenRef ref = token.get();
        if (!wizard.resumable() || ref == null) {
            return;
        }
        stepUp.before("key.rollBack", () -> rollBackNow(ref, ring));
    }

    private void rollBackNow(TokenRef ref, String ring) {
        busy.set(true);
        tasks.run(handle -> withPin(pin -> port.rollBack(ref, ring, pin)), v -> {
            busy.set(false);
            wizard.finish(RotationWizard.Phase.ROLLED_BACK, Notice.info("keys.wizard.rolledBack", ring, v.number()), "");
            reloadRings();
        }, this::failed);
    }

    public void retire(KeyVersion version) {
        change(version, "keys.status.retired", (ref, pin) -> port.retire(ref, version.ring(), version.number(), pin));
    }

    public void restore(KeyVersion version) {
        change(version, "keys.status.restored", (ref, pin) -> port.restore(ref, version.ring(), version.number(), pin));
    }

    /**
     * Destroys the due versions with two custodians' proofs. The same person twice is refused here
     * at once, and again by the service, which is the guard that counts.
     */
    public void destroyDue(CustodianProof first, CustodianProof second) {
        TokenRef ref = token.get();
        if (first.operatorId().equals(second.operatorId())) {
            first.wipe();
            second.wipe();
            status.set(Notice.problem("keys.dual.samePerson", first.operatorId()));
            return;
        }
        if (ref == null) {
            first.wipe();
            second.wipe();
            status.set(Notice.info("keys.status.noToken"));
            return;
        }
        stepUp.before("key.destroy", () -> destroyNow(ref, first, second), () -> {
            first.wipe();
            second.wipe();
        });
    }

    private void destroyNow(TokenRef ref, CustodianProof first, CustodianProof second) {
        busy.set(true);
        tasks.run(handle -> withPin(pin -> port.destroyDue(ref, first, second, pin)), destroyed -> {
            busy.set(false);
            status.set(Notice.info("keys.status.destroyed", destroyed.size(), first.operatorId(), second.operatorId()));
            reloadRings();
        }, failure -> {
            first.wipe();
            second.wipe();
            failed(failure);
        });
    }

    /** True when destruction asks for two smartcard proofs instead of passphrases. */
    public boolean smartcardProofs() {
        return port.smartcardProofs();
    }

    public List<Operator> custodians() {
        return port.custodians();
    }

    public Operator signedIn() {
        return port.signedIn();
    }

    /** How the ring's primary stands against its cryptoperiod now; empty without a primary. */
    public Optional<CryptoperiodStatus> cryptoperiod(KeyRing ring) {
        return ring.active().map(a -> ring.policy().status(a.stateSince(), clock.instant()));
    }

    private interface TokenChange {
        KeyVersion apply(TokenRef ref, io.gatehouse.data.keys.token.PinSource pin);
    }

    private void change(KeyVersion version, String doneKey, TokenChange action) {
        TokenRef ref = token.get();
        if (ref == null) {
            status.set(Notice.info("keys.status.noToken"));
            return;
        }
        stepUp.before(doneKey.equals("keys.status.retired") ? "key.retire" : "key.restore", () -> changeNow(ref, doneKey,
                action));
    }

    private void changeNow(TokenRef ref, String doneKey, TokenChange action) {
        busy.set(true);
        tasks.run(handle -> withPin(pin -> action.apply(ref, pin)), v -> {
            busy.set(false);
            status.set(Notice.info(doneKey, v.ring(), v.number()));
            reloadRings();
        }, this::failed);
    }

    private void rotated(RotationOutcome outcome) {
        KeyVersion active = outcome.active();
        wizard.recorded(RotationStep.ACTIVATED, false);
        wizard.finish(RotationWizard.Phase.DONE, outcome.retiring()
                .map(old -> Notice.info("keys.wizard.doneRetiring", active.ring(), active.number(), active.kid(), old.number()))
                .orElse(Notice.info("keys.wizard.done", active.ring(), active.number(), active.kid())), "");
        reloadRings();
    }

    private void rotationFailed(KeyRing ring, Throwable failure) {
        Throwable cause = failure;
        int primary = ring.active().map(KeyVersion::number).orElse(0);
        if (cause instanceof CancellationException) {
            wizard.finish(RotationWizard.Phase.CANCELLED, Notice.info("keys.wizard.cancelled", ring.name(), primary), "");
        } else if (cause instanceof PinCancelledException) {
            wizard.finish(RotationWizard.Phase.CANCELLED, Notice.info("keys.wizard.pinCancelled", ring.name(), primary), "");
        } else if (cause instanceof RotationInterruptedException stopped) {
            wizard.finish(RotationWizard.Phase.INTERRUPTED, Notice.problem("keys.wizard.interrupted", ring.name(),
                    stopped.failedStep(), primary), stopped.getCause() == null ? stopped.getMessage()
                            : stopped.getCause().getMessage());
        } else {
            // the token or the store failed before any step ran: nothing was recorded
            wizard.finish(RotationWizard.Phase.INTERRUPTED, Notice.problem("keys.wizard.notStarted", ring.name(),
                    primary), cause.getMessage());
            errors.accept(cause);
        }
        reloadRings();
    }

    private void reloadRings() {
        tasks.run(handle -> new Object[] {port.rings(), port.due()}, both -> {
            @SuppressWarnings("unchecked")
            List<KeyRing> list = (List<KeyRing>) both[0];
            @SuppressWarnings("unchecked")
            List<KeyVersion> dueNow = (List<KeyVersion>) both[1];
            showRings(list);
            due.setAll(dueNow);
        }, this::failed);
    }

    private void showRings(List<KeyRing> list) {
        String keep = selectedRing.get() == null ? null : selectedRing.get().name();
        rings.setAll(list);
        selectedRing.set(list.stream().filter(r -> r.name().equals(keep)).findFirst()
                .orElse(list.isEmpty() ? null : list.getFirst()));
    }

    private <T> T withPin(Function<io.gatehouse.data.keys.token.PinSource, T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.apply(pins);
            } catch (TokenException e) {
                if (e.reason() != TokenException.Reason.WRONG_PIN || attempt >= PIN_ATTEMPTS) {
                    throw e;
                }
                pins.rejected(e.getMessage());
            }
        }
    }

    private void failed(Throwable failure) {
        busy.set(false);
        if (failure instanceof PinCancelledException cancelled) {
            status.set(Notice.info("keys.status.pinCancelled", cancelled.tokenLabel()));
            return;
        }
        if (failure instanceof CancellationException) {
            return;
        }
        status.set(Notice.problem("keys.status.failed", failure.getMessage() == null ? failure.toString()
                : failure.getMessage()));
        errors.accept(failure);
    }

    public ObjectProperty<TokenRef> tokenProperty() {
        return token;
    }

    public StringProperty rotationUnavailableProperty() {
        return rotationUnavailable;
    }

    public ObservableList<ModuleScan> modules() {
        return modules;
    }

    public ObservableList<InventoryRow> inventory() {
        return inventory;
    }

    public ObservableList<KeyFinding> findings() {
        return findings;
    }

    public ObservableList<KeyRing> rings() {
        return rings;
    }

    public ObjectProperty<KeyRing> selectedRingProperty() {
        return selectedRing;
    }

    public ObservableList<KeyVersion> due() {
        return due;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty inventoryLoadedProperty() {
        return inventoryLoaded;
    }

    public ObjectProperty<Notice> statusProperty() {
        return status;
    }

    public RotationWizard wizard() {
        return wizard;
    }

    /** How many times the overview was read; tests and the refresh shortcut use it. */
    public IntegerProperty loadsProperty() {
        return loads;
    }
}
