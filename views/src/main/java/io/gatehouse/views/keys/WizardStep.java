package io.gatehouse.views.keys;

import io.gatehouse.data.keys.RotationStep;

/** The five steps the rotation wizard shows, each done once its recorded step is reached. */
public enum WizardStep {
    GENERATE(RotationStep.GENERATED),
    SELF_TEST(RotationStep.SELF_TESTED),
    PUBLISH(RotationStep.PUBLISHED),
    CHECK_SERVED(RotationStep.SERVED),
    ACTIVATE(RotationStep.ACTIVATED);

    private final RotationStep reached;

    WizardStep(RotationStep reached) {
        this.reached = reached;
    }

    /** The recorded step that completes this one. */
    public RotationStep reached() {
        return reached;
    }

    /** The wizard step that runs after {@code recorded} was recorded; null once activated. */
    public static WizardStep after(RotationStep recorded) {
        for (WizardStep s : values()) {
            if (s.reached == recorded.following() && recorded != RotationStep.ACTIVATED) {
                return s;
            }
        }
        return null;
    }

    /** How this step stands once {@code recorded} is the last recorded step. */
    public StepState stateAfter(RotationStep recorded) {
        if (reached.compareTo(recorded) <= 0) {
            return StepState.DONE;
        }
        return this == after(recorded) ? StepState.RUNNING : StepState.WAITING;
    }

    /** Where a step stands in the wizard. */
    public enum StepState {
        WAITING, RUNNING, DONE, FAILED, STOPPED
    }
}
