package io.gatehouse.views.keys;

import io.gatehouse.views.keys.RotationWizard.Phase;
import io.gatehouse.views.keys.WizardStep.StepState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The rotation wizard as a stepped card over the area: the five steps with their live state, how
 * the run ended, and the actions that fit that end (cancel, resume, roll back, close).
 */
final class RotationWizardPane {
    private final KeyCustodyViewModel viewModel;
    private final RotationWizard wizard;
    private final KeyText text;
    private final VBox card = new VBox(8);

    RotationWizardPane(KeyCustodyViewModel viewModel, KeyText text) {
        this.viewModel = viewModel;
        this.wizard = viewModel.wizard();
        this.text = text;
        build();
    }

    Node node() {
        return card;
    }

    private void build() {
        card.setId("rotationWizard");
        card.getStyleClass().add("keys-wizard");
        card.setMaxWidth(680);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        Label title = new Label();
        title.getStyleClass().add("keys-wizard-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> text.get("keys.wizard.title",
                wizard.ringProperty().get()), wizard.ringProperty()));
        Label intro = new Label(text.get("keys.wizard.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        card.getChildren().addAll(title, intro);
        int n = 1;
        for (WizardStep step : WizardStep.values()) {
            card.getChildren().add(stepRow(n++, step));
        }
        Label outcome = new Label();
        outcome.setId("wizardOutcome");
        outcome.setWrapText(true);
        outcome.setMinHeight(Region.USE_PREF_SIZE);
        outcome.getStyleClass().add("keys-wizard-outcome");
        outcome.textProperty().bind(Bindings.createStringBinding(() -> text.notice(wizard.outcomeProperty().get()),
                wizard.outcomeProperty()));
        wizard.outcomeProperty().addListener((obs, was, now) -> mark(outcome, now));
        Label detail = new Label();
        detail.setId("wizardDetail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.getStyleClass().add("keys-explanation");
        detail.textProperty().bind(wizard.detailProperty());
        detail.visibleProperty().bind(wizard.detailProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        card.getChildren().addAll(outcome, detail, buttons());
    }

    private HBox stepRow(int number, WizardStep step) {
        Label icon = new Label();
        icon.setMinWidth(24);
        Label name = new Label(text.get("keys.wizard.step", number, text.get(BundleKeys.of(step))));
        name.getStyleClass().add("keys-step-name");
        Label what = new Label(text.get(BundleKeys.explanation(step)));
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.getStyleClass().add("keys-explanation");
        VBox words = new VBox(2, name, what);
        HBox.setHgrow(words, Priority.ALWAYS);
        Label state = new Label();
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().add("keys-step-state");
        HBox row = new HBox(10, icon, words, state);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("step-" + step.name());
        row.getStyleClass().add("keys-step");
        Runnable show = () -> {
            StepState s = wizard.stepProperty(step).get();
            state.setText(text.get(BundleKeys.of(s)));
            icon.setGraphic(stateIcon(s));
            row.getStyleClass().removeIf(c -> c.startsWith("keys-step-"));
            row.getStyleClass().add("keys-step-" + s.name().toLowerCase(java.util.Locale.ROOT));
            state.getStyleClass().removeAll("health-up", "health-degraded", "health-down", "health-unknown");
            state.getStyleClass().add(css(s));
        };
        wizard.stepProperty(step).addListener((obs, was, now) -> show.run());
        show.run();
        return row;
    }

    private HBox buttons() {
        Button cancel = new Button(text.get("keys.wizard.cancel"));
        cancel.setId("wizardCancel");
        cancel.setOnAction(e -> viewModel.cancelRotation());
        BooleanBinding running = Bindings.createBooleanBinding(wizard::running, wizard.phaseProperty());
        show(cancel, running);
        // once activation runs there is no step boundary left at which to stop
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> wizard.phaseProperty().get() == Phase.CANCELLING
                || wizard.stepProperty(WizardStep.ACTIVATE).get() == StepState.RUNNING,
                wizard.phaseProperty(), wizard.stepProperty(WizardStep.ACTIVATE)));

        BooleanBinding resumable = Bindings.createBooleanBinding(wizard::resumable, wizard.phaseProperty());
        Button resume = new Button(text.get("keys.wizard.resume"), new FontIcon(Material2MZ.PLAY_ARROW));
        resume.setId("wizardResume");
        resume.getStyleClass().add("accent");
        resume.setOnAction(e -> viewModel.resume());
        show(resume, resumable);
        Button rollBack = new Button(text.get("keys.wizard.rollBack"), new FontIcon(Material2MZ.UNDO));
        rollBack.setId("wizardRollBack");
        rollBack.setOnAction(e -> viewModel.rollBack());
        show(rollBack, resumable);
        rollBack.disableProperty().bind(viewModel.busyProperty());
        Button close = new Button(text.get("keys.wizard.close"));
        close.setId("wizardClose");
        close.setOnAction(e -> wizard.close());
        show(close, running.not());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, gap, cancel, rollBack, resume, close);
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private static void show(Node node, BooleanBinding when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    private static void mark(Label label, Notice notice) {
        label.getStyleClass().remove("health-down");
        label.setGraphic(null);
        if (notice != null && notice.problem()) {
            label.getStyleClass().add("health-down");
            label.setGraphic(KeyText.icon(Material2AL.ERROR_OUTLINE, "health-down"));
        }
    }

    private static FontIcon stateIcon(StepState s) {
        return switch (s) {
            case WAITING -> KeyText.icon(Material2MZ.RADIO_BUTTON_UNCHECKED, "health-unknown");
            case RUNNING -> KeyText.icon(Material2MZ.SYNC, "health-degraded");
            case DONE -> KeyText.icon(Material2AL.CHECK_CIRCLE, "health-up");
            case FAILED -> KeyText.icon(Material2AL.ERROR, "health-down");
            case STOPPED -> KeyText.icon(Material2MZ.PAUSE_CIRCLE_OUTLINE, "health-degraded");
        };
    }

    private static String css(StepState s) {
        return switch (s) {
            case WAITING -> "health-unknown";
            case RUNNING, STOPPED -> "health-degraded";
            case DONE -> "health-up";
            case FAILED -> "health-down";
        };
    }
}
