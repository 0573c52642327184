package io.gatehouse.views.keys;

import io.gatehouse.data.operator.Operator;
import io.gatehouse.views.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Dual control for destruction: the signed-in custodian and a second, different custodian each
 * prove presence with their passphrase. The passphrases go straight to the view model as arrays
 * that are wiped after the check.
 */
final class DualControlDialog {
    private DualControlDialog() {
    }

    static Dialog<ButtonType> ask(Window owner, I18n i18n, KeyCustodyViewModel viewModel, int dueCount) {
        Operator first = viewModel.signedIn();
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(i18n.get("keys.dual.title"));
        dialog.setHeaderText(i18n.get("keys.dual.header", dueCount));
        dialog.getDialogPane().setId("dualControlDialog");
        DialogLook.apply(dialog.getDialogPane(), owner);

        PasswordField firstPass = new PasswordField();
        firstPass.setId("firstPassphrase");
        ComboBox<Operator> second = new ComboBox<>();
        second.setId("secondCustodian");
        second.getItems().setAll(viewModel.custodians());
        second.setCellFactory(list -> new OperatorCell());
        second.setButtonCell(new OperatorCell());
        second.setPromptText(i18n.get("keys.dual.choose"));
        PasswordField secondPass = new PasswordField();
        secondPass.setId("secondPassphrase");

        boolean cards = viewModel.smartcardProofs();
        String secretLabel = i18n.get(cards ? "keys.dual.cardPin" : "keys.dual.passphrase");
        javafx.scene.control.TextField secondCard = new javafx.scene.control.TextField();
        secondCard.setId("secondCard");
        secondCard.setPromptText(i18n.get("keys.dual.cardLabelPrompt"));
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label(i18n.get("keys.dual.first")), new Label(first.displayName() + " (" + first.id() + ")"));
        grid.addRow(1, new Label(secretLabel), firstPass);
        grid.addRow(2, new Label(i18n.get("keys.dual.second")), second);
        if (cards) {
            grid.addRow(3, new Label(i18n.get("keys.dual.cardLabel")), secondCard);
            grid.addRow(4, new Label(secretLabel), secondPass);
        } else {
            grid.addRow(3, new Label(secretLabel), secondPass);
        }

        Label samePerson = new Label(i18n.get("keys.dual.samePerson", first.id()),
                KeyText.icon(Material2AL.ERROR_OUTLINE, "health-down"));
        samePerson.setId("samePerson");
        samePerson.setWrapText(true);
        samePerson.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        samePerson.getStyleClass().add("health-down");
        BooleanBinding same = Bindings.createBooleanBinding(() -> second.getValue() != null
                && second.getValue().id().equals(first.id()), second.valueProperty());
        samePerson.visibleProperty().bind(same);
        samePerson.managedProperty().bind(same);
        Label why = new Label(i18n.get("keys.dual.why"));
        why.setWrapText(true);
        why.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(12, why, grid, samePerson);
        if (!cards) {
            Label weaker = new Label(i18n.get("keys.dual.weaker"), KeyText.icon(Material2AL.INFO, "health-degraded"));
            weaker.setId("dualWeaker");
            weaker.setWrapText(true);
            weaker.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            weaker.getStyleClass().add("health-degraded");
            content.getChildren().add(weaker);
        }
        content.setPrefWidth(480);
        dialog.getDialogPane().setContent(content);

        ButtonType destroy = new ButtonType(i18n.get("keys.dual.destroy"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(destroy, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(destroy).setId("dualDestroy");
        dialog.getDialogPane().lookupButton(destroy).disableProperty().bind(firstPass.textProperty().isEmpty()
                .or(secondPass.textProperty().isEmpty()).or(second.valueProperty().isNull()).or(same)
                .or(Bindings.createBooleanBinding(() -> cards && secondCard.getText().isBlank(), secondCard.textProperty())));
        dialog.setOnShown(e -> firstPass.requestFocus());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == destroy) {
                CustodianProof one = new CustodianProof(first.id(), firstPass.getText().toCharArray(), null);
                CustodianProof two = new CustodianProof(second.getValue().id(), secondPass.getText().toCharArray(),
                        cards ? secondCard.getText().strip() : null);
                firstPass.clear();
                secondPass.clear();
                viewModel.destroyDue(one, two);
            } else {
                firstPass.clear();
                secondPass.clear();
            }
        });
        dialog.show();
        return dialog;
    }

    private static final class OperatorCell extends ListCell<Operator> {
        @Override
        protected void updateItem(Operator operator, boolean empty) {
            super.updateItem(operator, empty);
            setText(empty || operator == null ? null : operator.displayName() + " (" + operator.id() + ")");
        }
    }
}
