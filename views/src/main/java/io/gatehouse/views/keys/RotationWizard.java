package io.gatehouse.views.keys;

import io.gatehouse.data.keys.RotationStep;
import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the rotation wizard, on the FX thread: which ring, how far each step is, and how
 * the run ended. The view model drives it from the steps the service records.
 */
public final class RotationWizard {
    /** Where the wizard's run is. */
    public enum Phase {
        /** Not shown. */
        CLOSED,
        /** Steps are running; a cancel takes effect at the next step boundary. */
        RUNNING,
        /** A cancel was asked; the running step finishes first. */
        CANCELLING,
        /** The new version is primary. */
        DONE,
        /** A step failed; the rotation is recorded and can be resumed or rolled back. */
        INTERRUPTED,
        /** Cancelled between steps; resumable or can be rolled back. */
        CANCELLED,
        /** The interrupted rotation was rolled back; the old primary is unchanged. */
        ROLLED_BACK
    }

    private final Map<WizardStep, ObjectProperty<WizardStep.StepState>> steps = new EnumMap<>(WizardStep.class);
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.CLOSED);
    private final StringProperty ring = new SimpleStringProperty(this, "ring", "");
    private final ObjectProperty<Notice> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final BooleanProperty resumed = new SimpleBooleanProperty(this, "resumed");
    // whether the service recorded anything for this run: only then is there something to resume or roll back
    private boolean recordedAny;

    public RotationWizard() {
        for (WizardStep s : WizardStep.values()) {
            steps.put(s, new SimpleObjectProperty<>(this, s.name(), WizardStep.StepState.WAITING));
        }
    }

    void start(String ringName) {
        ring.set(ringName);
        steps.values().forEach(p -> p.set(WizardStep.StepState.WAITING));
        steps.get(WizardStep.GENERATE).set(WizardStep.StepState.RUNNING);
        outcome.set(Notice.info("keys.wizard.running", ringName));
        detail.set("");
        resumed.set(false);
        recordedAny = false;
        phase.set(Phase.RUNNING);
    }

    void recorded(RotationStep step, boolean first) {
        recordedAny = true;
        if (first && step != RotationStep.REQUESTED) {
            resumed.set(true);
            outcome.set(Notice.info("keys.wizard.resuming", ring.get(), step));
        }
        for (WizardStep s : WizardStep.values()) {
            steps.get(s).set(s.stateAfter(step));
        }
    }

    void finish(Phase end, Notice notice, String why) {
        if (end == Phase.INTERRUPTED || end == Phase.CANCELLED) {
            for (WizardStep s : WizardStep.values()) {
                if (steps.get(s).get() == WizardStep.StepState.RUNNING) {
                    steps.get(s).set(end == Phase.INTERRUPTED ? WizardStep.StepState.FAILED : WizardStep.StepState.STOPPED);
                }
            }
        }
        outcome.set(notice);
        detail.set(why == null ? "" : why);
        phase.set(end);
    }

    void cancelling() {
        if (phase.get() == Phase.RUNNING) {
            phase.set(Phase.CANCELLING);
        }
    }

    /** Closes the wizard; only when no step runs. */
    public void close() {
        if (!running()) {
            phase.set(Phase.CLOSED);
        }
    }

    public boolean running() {
        return phase.get() == Phase.RUNNING || phase.get() == Phase.CANCELLING;
    }

    /** Whether a stopped run can go on from its recorded step or be rolled back. */
    public boolean resumable() {
        return recordedAny && (phase.get() == Phase.INTERRUPTED || phase.get() == Phase.CANCELLED);
    }

    public ReadOnlyObjectProperty<WizardStep.StepState> stepProperty(WizardStep step) {
        return steps.get(step);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public StringProperty ringProperty() {
        return ring;
    }

    public ReadOnlyObjectProperty<Notice> outcomeProperty() {
        return outcome;
    }

    public StringProperty detailProperty() {
        return detail;
    }

    public BooleanProperty resumedProperty() {
        return resumed;
    }
}
