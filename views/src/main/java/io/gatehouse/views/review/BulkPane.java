package io.gatehouse.views.review;

import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.views.common.I18n;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The bulk menu, and the bar that shows a bulk run's preview count, progress and summary. */
final class BulkPane {
    private final BulkDecisionViewModel model;
    private final I18n i18n;
    final MenuButton menu = new MenuButton();
    final Label text = new Label();
    final ProgressBar progress = new ProgressBar();
    final Button confirm = new Button();
    final Button cancel = new Button();
    final Button dismiss = new Button();
    final HBox bar;

    BulkPane(ReviewDeskViewModel desk, I18n i18n) {
        this.model = desk.bulk();
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        menu.setId("bulkMenu");
        text.setId("bulkText");
        progress.setId("bulkProgress");
        confirm.setId("bulkConfirm");
        cancel.setId("bulkCancel");
        menu.setText(i18n.get("review.bulk.menu"));
        menu.setGraphic(new FontIcon(Material2AL.LIBRARY_ADD_CHECK));
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (DecisionAction action : new DecisionAction[] {DecisionAction.APPROVE, DecisionAction.DECLINE,
                DecisionAction.HOLD, DecisionAction.ESCALATE}) {
            MenuItem item = new MenuItem(i18n.get("review.bulk.item", actionName(action)));
            item.setOnAction(e -> desk.previewBulk(action));
            menu.getItems().add(item);
        }
        boolean permitted = model.permitted();
        menu.setDisable(!permitted);
        if (!permitted) {
            menu.setTooltip(new javafx.scene.control.Tooltip(i18n.get("review.bulk.notPermitted")));
        }
        confirm.setText(i18n.get("review.bulk.confirm"));
        confirm.setGraphic(new FontIcon(Material2AL.DONE_ALL));
        cancel.setText(i18n.get("review.bulk.cancel"));
        dismiss.setText(i18n.get("review.bulk.dismiss"));
        for (Button b : new Button[] {confirm, cancel, dismiss}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        confirm.setOnAction(e -> model.confirm());
        cancel.setOnAction(e -> model.cancel());
        dismiss.setOnAction(e -> model.dismiss());
        progress.progressProperty().bind(Bindings.createDoubleBinding(() ->
                model.phaseProperty().get() == BulkDecisionViewModel.Phase.COUNTING ? -1 : model.progressProperty().get(),
                model.phaseProperty(), model.progressProperty()));
        progress.setPrefWidth(220);
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        text.textProperty().bind(Bindings.createStringBinding(this::describe, model.phaseProperty(),
                model.matchingProperty(), model.processedProperty(), model.summaryProperty()));
        bar = new HBox(10, new FontIcon(Material2MZ.PLAYLIST_ADD_CHECK), text, progress, confirm, cancel, dismiss);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("bulk-bar");
        bar.setId("bulkBar");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(model.phaseProperty().isNotEqualTo(BulkDecisionViewModel.Phase.IDLE));
        bar.managedProperty().bind(bar.visibleProperty());
        show(progress, BulkDecisionViewModel.Phase.COUNTING, BulkDecisionViewModel.Phase.RUNNING);
        show(confirm, BulkDecisionViewModel.Phase.PREVIEW);
        show(cancel, BulkDecisionViewModel.Phase.COUNTING, BulkDecisionViewModel.Phase.PREVIEW,
                BulkDecisionViewModel.Phase.RUNNING);
        show(dismiss, BulkDecisionViewModel.Phase.DONE);
        confirm.disableProperty().bind(model.matchingProperty().isEqualTo(0));
    }

    private void show(javafx.scene.Node node, BulkDecisionViewModel.Phase... phases) {
        var binding = Bindings.createBooleanBinding(() -> java.util.Arrays.asList(phases).contains(model.phaseProperty().get()),
                model.phaseProperty());
        node.visibleProperty().bind(binding);
        node.managedProperty().bind(binding);
    }

    private String describe() {
        DecisionAction action = model.actionProperty().get();
        String name = action == null ? "" : actionName(action);
        return switch (model.phaseProperty().get()) {
            case IDLE -> "";
            case COUNTING -> i18n.get("review.bulk.counting");
            case PREVIEW -> i18n.get("review.bulk.preview", name, model.matchingProperty().get(),
                    model.skippedInPreviewProperty().get());
            case RUNNING -> i18n.get("review.bulk.running", name, model.processedProperty().get(),
                    model.matchingProperty().get());
            case DONE -> {
                BulkDecisionViewModel.Summary s = model.summaryProperty().get();
                yield s == null ? "" : i18n.get(s.cancelled() ? "review.bulk.cancelled" : "review.bulk.done", name,
                        s.done(), s.failed(), s.skipped())
                        + (s.firstFailure() == null ? "" : " " + i18n.get("review.bulk.firstFailure", s.firstFailure()));
            }
        };
    }

    private String actionName(DecisionAction action) {
        return switch (action.value()) {
            case "approve" -> i18n.get("review.bulk.approve");
            case "decline" -> i18n.get("review.bulk.decline");
            case "hold" -> i18n.get("review.bulk.hold");
            case "escalate" -> i18n.get("review.bulk.escalate");
            default -> action.value();
        };
    }
}
