package io.gatehouse.views.review;

import io.gatehouse.data.review.PendingApproval;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.TimeFormat;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The checker inbox: pending four-eyes requests, and the checker's reason and PIN (smartcard) or passphrase
 * (local profile) to approve or reject the selected one. That secret is the operator session's step-up, asked
 * for each action.
 */
final class CheckerInboxPane {
    private final CheckerInboxViewModel model;
    private final I18n i18n;
    final TableView<PendingApproval> table = new TableView<>();
    final TextField reason = new TextField();
    final PasswordField passphrase = new PasswordField();
    final Button approve = new Button();
    final Button reject = new Button();
    final Button refresh = new Button();
    final Label outcome = new Label();
    final VBox root;

    CheckerInboxPane(CheckerInboxViewModel model, I18n i18n, TimeFormat time) {
        this.model = Objects.requireNonNull(model, "model");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        table.setId("inboxTable");
        reason.setId("inboxReason");
        passphrase.setId("inboxPassphrase");
        approve.setId("inboxApprove");
        reject.setId("inboxReject");
        outcome.setId("inboxOutcome");
        table.getStyleClass().add("striped");
        table.setItems(model.approvals());
        table.setPlaceholder(new Label(i18n.get("review.inbox.empty")));
        table.getColumns().add(column("review.inbox.column.request", 110, PendingApproval::id));
        table.getColumns().add(column("review.inbox.column.case", 120, PendingApproval::caseId));
        table.getColumns().add(column("review.inbox.column.summary", 380, PendingApproval::summary));
        table.getColumns().add(column("review.inbox.column.maker", 110, PendingApproval::maker));
        table.getColumns().add(column("review.inbox.column.filed", 150,
                a -> a.created() == null ? "—" : time.shortDateTime(a.created())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((obs, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, before, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });

        reason.setPromptText(i18n.get("review.inbox.reasonPrompt"));
        // a smartcard operator proves with the card's PIN, the local profile with its passphrase
        boolean pin = model.provesWithPin();
        passphrase.setPromptText(i18n.get(pin ? "review.inbox.pinPrompt" : "review.inbox.passphrasePrompt"));
        approve.setText(i18n.get("review.inbox.approve"));
        approve.setGraphic(new FontIcon(Material2AL.CHECK));
        reject.setText(i18n.get("review.inbox.reject"));
        reject.setGraphic(new FontIcon(Material2AL.BLOCK));
        refresh.setText(i18n.get("review.refresh"));
        refresh.setGraphic(new FontIcon(Material2MZ.REFRESH));
        for (Button b : new Button[] {approve, reject, refresh}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        approve.disableProperty().bind(model.selectedProperty().isNull().or(model.workingProperty()));
        reject.disableProperty().bind(model.selectedProperty().isNull().or(model.workingProperty()));
        refresh.disableProperty().bind(model.loadingProperty());
        approve.setOnAction(e -> act(true));
        reject.setOnAction(e -> act(false));
        refresh.setOnAction(e -> model.refresh());

        GridPane form = new GridPane(10, 6);
        Label reasonLabel = new Label(i18n.get("review.inbox.reason"));
        reasonLabel.setLabelFor(reason);
        Label proofLabel = new Label(i18n.get(pin ? "review.inbox.pin" : "review.inbox.passphrase"));
        proofLabel.setLabelFor(passphrase);
        form.addRow(0, reasonLabel, reason);
        form.addRow(1, proofLabel, passphrase);
        GridPane.setHgrow(reason, Priority.ALWAYS);
        Label why = new Label(i18n.get(pin ? "review.inbox.stepUp.pin" : "review.inbox.stepUp"));
        why.setWrapText(true);
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label missing = new Label(i18n.get(pin ? "review.inbox.missing.pin" : "review.inbox.missing"),
                new FontIcon(Material2MZ.WARNING));
        missing.getStyleClass().add("health-degraded");
        missing.visibleProperty().bind(model.reasonMissingProperty().or(model.passphraseMissingProperty()));
        missing.managedProperty().bind(missing.visibleProperty());
        outcome.setWrapText(true);
        outcome.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        outcome.textProperty().bind(Bindings.createStringBinding(this::outcomeText, model.outcomeProperty()));
        model.outcomeProperty().addListener((obs, before, now) -> {
            outcome.getStyleClass().removeAll("health-up", "health-down");
            outcome.getStyleClass().add(now != null && now.kind() == CheckerInboxViewModel.Outcome.Kind.REFUSED
                    ? "health-down" : "health-up");
            outcome.setGraphic(now == null ? null : new FontIcon(now.kind() == CheckerInboxViewModel.Outcome.Kind.REFUSED
                    ? Material2MZ.REPORT : Material2AL.CHECK_CIRCLE));
        });
        Label intro = new Label(i18n.get("review.inbox.intro"));
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox buttons = new HBox(8, approve, reject, refresh);
        root = new VBox(8, intro, table, form, why, missing, buttons, outcome);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getStyleClass().add("checker-inbox");
        root.setPadding(new javafx.geometry.Insets(8, 0, 0, 0));
    }

    private void act(boolean approving) {
        char[] proof = passphrase.getText().toCharArray();
        passphrase.clear();
        if (approving) {
            model.approve(reason.getText(), proof);
        } else {
            model.reject(reason.getText(), proof);
        }
        if (!model.reasonMissingProperty().get() && !model.passphraseMissingProperty().get()) {
            reason.clear();
        }
    }

    private String outcomeText() {
        CheckerInboxViewModel.Outcome done = model.outcomeProperty().get();
        if (done == null) {
            return "";
        }
        return switch (done.kind()) {
            case APPROVED -> i18n.get("review.inbox.approved", done.approvalId());
            case REJECTED -> i18n.get("review.inbox.rejected", done.approvalId());
            case REFUSED -> i18n.get("review.inbox.refused", done.approvalId(), done.refusal());
        };
    }

    private TableColumn<PendingApproval, String> column(String key, double width,
            java.util.function.Function<PendingApproval, String> value) {
        TableColumn<PendingApproval, String> column = new TableColumn<>(i18n.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        return column;
    }
}
