package io.gatehouse.views.keys;

import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.views.common.I18n;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The dialog that asks for a token's user PIN; its answer goes to the waiting thread's future. */
final class PinDialog {
    private PinDialog() {
    }

    /**
     * Shows the dialog without blocking the JavaFX thread. {@code answer} gets the PIN as a fresh
     * array, or null when the custodian cancels; if the waiting thread gives up first, the dialog
     * closes itself.
     */
    static Dialog<ButtonType> show(Window owner, I18n i18n, TokenInfo token, String problem,
            CompletableFuture<char[]> answer) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(i18n.get("keys.pin.title"));
        dialog.setHeaderText(i18n.get("keys.pin.header", token.label()));
        dialog.getDialogPane().setId("pinDialog");
        DialogLook.apply(dialog.getDialogPane(), owner);
        PasswordField field = new PasswordField();
        field.setId("pinField");
        field.setPromptText(i18n.get("keys.pin.prompt"));
        Label what = new Label(i18n.get("keys.pin.what", describe(token)));
        what.setWrapText(true);
        VBox content = new VBox(10, what);
        if (problem != null) {
            Label wrong = new Label(problem, new FontIcon(Material2AL.ERROR_OUTLINE));
            wrong.setId("pinProblem");
            wrong.setWrapText(true);
            wrong.getStyleClass().add("health-down");
            content.getChildren().add(wrong);
        }
        Label never = new Label(i18n.get("keys.pin.never"));
        never.setWrapText(true);
        content.getChildren().addAll(field, never);
        content.getChildren().filtered(n -> n instanceof Label).forEach(n -> ((Label) n).setMinHeight(Region.USE_PREF_SIZE));
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(field.textProperty().isEmpty());
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                // the field holds the text as a String until cleared; clear it at once
                char[] pin = field.getText().toCharArray();
                field.clear();
                answer.complete(pin);
            } else {
                field.clear();
                answer.complete(null);
            }
        });
        answer.whenComplete((pin, failure) -> {
            if (answer.isCancelled()) {
                Platform.runLater(dialog::close);
            }
        });
        dialog.show();
        return dialog;
    }

    private static String describe(TokenInfo token) {
        String model = (token.manufacturer() + " " + token.model()).strip();
        return model.isEmpty() ? "'" + token.label() + "'" : "'" + token.label() + "' (" + model + ")";
    }
}
