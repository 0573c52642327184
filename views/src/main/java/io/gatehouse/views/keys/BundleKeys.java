package io.gatehouse.views.keys;

import io.gatehouse.data.keys.CryptoperiodStatus;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyClass;
import io.gatehouse.data.keys.token.KeyFinding;

/**
 * The bundle key of each value the area shows, written out so a renamed or added enum value
 * fails to compile here instead of showing a raw key.
 */
final class BundleKeys {
    private BundleKeys() {
    }

    static String of(WizardStep step) {
        return switch (step) {
            case GENERATE -> "keys.wizard.generate";
            case SELF_TEST -> "keys.wizard.selfTest";
            case PUBLISH -> "keys.wizard.publish";
            case CHECK_SERVED -> "keys.wizard.checkServed";
            case ACTIVATE -> "keys.wizard.activate";
        };
    }

    static String explanation(WizardStep step) {
        return switch (step) {
            case GENERATE -> "keys.wizard.generate.what";
            case SELF_TEST -> "keys.wizard.selfTest.what";
            case PUBLISH -> "keys.wizard.publish.what";
            case CHECK_SERVED -> "keys.wizard.checkServed.what";
            case ACTIVATE -> "keys.wizard.activate.what";
        };
    }

    static String of(WizardStep.StepState state) {
        return switch (state) {
            case WAITING -> "keys.stepState.waiting";
            case RUNNING -> "keys.stepState.running";
            case DONE -> "keys.stepState.done";
            case FAILED -> "keys.stepState.failed";
            case STOPPED -> "keys.stepState.stopped";
        };
    }

    static String of(KeyVersionState state) {
        return switch (state) {
            case PENDING -> "keys.state.pending";
            case ACTIVE -> "keys.state.active";
            case RETIRING -> "keys.state.retiring";
            case SCHEDULED_FOR_DESTRUCTION -> "keys.state.scheduledForDestruction";
            case DESTROYED -> "keys.state.destroyed";
        };
    }

    static String of(RotationStep step) {
        return switch (step) {
            case REQUESTED -> "keys.step.requested";
            case GENERATED -> "keys.step.generated";
            case SELF_TESTED -> "keys.step.selfTested";
            case PUBLISHED -> "keys.step.published";
            case SERVED -> "keys.step.served";
            case ACTIVATED -> "keys.step.activated";
        };
    }

    static String of(CryptoperiodStatus status) {
        return switch (status) {
            case OK -> "keys.cryptoperiod.ok";
            case WARNING -> "keys.cryptoperiod.warning";
            case EXPIRED -> "keys.cryptoperiod.expired";
        };
    }

    static String of(KeyFinding.Kind kind) {
        return switch (kind) {
            case EXTRACTABLE -> "keys.finding.extractable";
            case NOT_SENSITIVE -> "keys.finding.notSensitive";
            case ORPHAN_PRIVATE_KEY -> "keys.finding.orphanPrivateKey";
            case DUPLICATE_LABEL -> "keys.finding.duplicateLabel";
        };
    }

    static String shortName(KeyFinding.Kind kind) {
        return switch (kind) {
            case EXTRACTABLE -> "keys.finding.extractable.short";
            case NOT_SENSITIVE -> "keys.finding.notSensitive.short";
            case ORPHAN_PRIVATE_KEY -> "keys.finding.orphanPrivateKey.short";
            case DUPLICATE_LABEL -> "keys.finding.duplicateLabel.short";
        };
    }

    static String of(KeyClass keyClass) {
        return switch (keyClass) {
            case PRIVATE_KEY -> "keys.class.privateKey";
            case PUBLIC_KEY -> "keys.class.publicKey";
            case SECRET_KEY -> "keys.class.secretKey";
            case CERTIFICATE -> "keys.class.certificate";
        };
    }
}
