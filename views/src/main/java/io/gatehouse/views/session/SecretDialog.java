package io.gatehouse.views.session;

import io.gatehouse.views.common.I18n;
import java.util.function.Consumer;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The dialog that asks for a PIN or passphrase. Its answer is a fresh char array handed to {@code answer}, or
 * null when the operator cancels; the field is cleared at once, so the text lives in the control only while
 * typed.
 */
public final class SecretDialog {
    static final String STYLESHEET = "/io/gatehouse/views/gatehouse.css";

    private SecretDialog() {
    }

    /** Shows the dialog without blocking; call on the JavaFX thread. */
    public static Dialog<ButtonType> show(Window owner, I18n i18n, SecretRequest request, String problem, boolean dark,
            Consumer<char[]> answer) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        Texts texts = Texts.of(request);
        boolean pin = request.kind() == SecretRequest.SecretKind.PIN;
        dialog.setTitle(i18n.get(texts.title()));
        dialog.setHeaderText(i18n.get(texts.header(), request.operator(), request.detail()));
        dialog.getDialogPane().setId("secretDialog");
        dialog.getDialogPane().getStylesheets().add(SecretDialog.class.getResource(STYLESHEET).toExternalForm());
        if (dark) {
            dialog.getDialogPane().getStyleClass().add("theme-dark");
        }
        dialog.setGraphic(new FontIcon(pin ? Material2MZ.SIM_CARD
                : Material2AL.LOCK));
        PasswordField field = new PasswordField();
        field.setId("secretField");
        field.setPromptText(i18n.get(pin ? "session.prompt.field.pin" : "session.prompt.field.passphrase"));
        Label what = new Label(i18n.get(texts.what(), request.operator(), request.detail()));
        what.setWrapText(true);
        VBox content = new VBox(10, what);
        if (request.weaker()) {
            Label weaker = new Label(i18n.get("session.prompt.weaker"), new FontIcon(Material2AL.INFO));
            weaker.setId("secretWeaker");
            weaker.setWrapText(true);
            weaker.getStyleClass().add("health-degraded");
            content.getChildren().add(weaker);
        }
        if (problem != null) {
            Label wrong = new Label(problem, new FontIcon(Material2AL.ERROR_OUTLINE));
            wrong.setId("secretProblem");
            wrong.setWrapText(true);
            wrong.getStyleClass().add("health-down");
            content.getChildren().add(wrong);
        }
        Label never = new Label(i18n.get(pin ? "session.prompt.never.pin" : "session.prompt.never.passphrase"));
        never.setWrapText(true);
        content.getChildren().addAll(field, never);
        content.getChildren().filtered(n -> n instanceof Label).forEach(n -> ((Label) n).setMinHeight(Region.USE_PREF_SIZE));
        content.setPrefWidth(440);
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(i18n.get(texts.ok()), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.get(texts.cancel()), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().lookupButton(ok).setId("secretOk");
        dialog.getDialogPane().lookupButton(cancel).setId("secretCancel");
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(field.textProperty().isEmpty());
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setOnHidden(e -> {
            char[] secret = dialog.getResult() == ok ? field.getText().toCharArray() : null;
            field.clear();
            answer.accept(secret);
        });
        dialog.show();
        return dialog;
    }

    /** The message keys of one kind of prompt. */
    private record Texts(String title, String header, String what, String ok, String cancel) {
        static Texts of(SecretRequest request) {
            boolean pin = request.kind() == SecretRequest.SecretKind.PIN;
            return switch (request.purpose()) {
                case SIGN_IN -> new Texts("session.prompt.signin.title",
                        pin ? "session.prompt.signin.header.pin" : "session.prompt.signin.header.passphrase",
                        pin ? "session.prompt.signin.what.pin" : "session.prompt.signin.what.passphrase",
                        "session.prompt.signin.ok", "session.prompt.signin.cancel");
                case SECRET_STORE -> new Texts("session.prompt.secretstore.title",
                        pin ? "session.prompt.secretstore.header.pin" : "session.prompt.secretstore.header.passphrase",
                        pin ? "session.prompt.secretstore.what.pin" : "session.prompt.secretstore.what.passphrase",
                        "session.prompt.secretstore.ok", "session.prompt.secretstore.cancel");
                case STEP_UP -> new Texts("session.prompt.stepup.title",
                        pin ? "session.prompt.stepup.header.pin" : "session.prompt.stepup.header.passphrase",
                        pin ? "session.prompt.stepup.what.pin" : "session.prompt.stepup.what.passphrase",
                        "session.prompt.stepup.ok", "session.prompt.stepup.cancel");
            };
        }
    }
}
