package io.gatehouse.views.connections;

import io.gatehouse.data.connections.ConnectionEdit;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.views.common.I18n;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The dialogs of the Connections area; each is shown without blocking and answers through a callback. */
final class ConnectionDialogs {
    private static final String STYLESHEET = "/io/gatehouse/views/gatehouse.css";

    private ConnectionDialogs() {
    }

    /**
     * Asks for a secret's new value in a masked field. {@code onValue} gets a fresh array the caller
     * wipes; the field is cleared as soon as the dialog closes, whatever the answer.
     */
    static Dialog<ButtonType> rotateSecret(Window owner, I18n i18n, ConnectionEntry entry, Consumer<char[]> onValue) {
        Dialog<ButtonType> dialog = dialog(owner, i18n.get("connections.rotate.title"),
                i18n.get("connections.rotate.header", entry.secretName(), entry.name()), "rotateSecretDialog");
        PasswordField field = new PasswordField();
        field.setId("secretField");
        field.setPromptText(i18n.get("connections.rotate.prompt"));
        Label never = wrapped(i18n.get("connections.rotate.never"));
        VBox content = new VBox(10, field, never);
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(field.textProperty().isEmpty());
        dialog.setOnShown(e -> field.requestFocus());
        dialog.setOnHidden(e -> {
            char[] value = dialog.getResult() == ButtonType.OK ? toChars(field.getCharacters()) : null;
            field.clear();
            if (value != null) {
                onValue.accept(value);
            }
        });
        dialog.show();
        return dialog;
    }

    /** Asks for a connection's URL, CA bundle and pins; {@code onEdit} gets them when the operator saves. */
    static Dialog<ButtonType> edit(Window owner, I18n i18n, ConnectionEntry entry, Consumer<ConnectionEdit> onEdit) {
        Dialog<ButtonType> dialog = dialog(owner, i18n.get("connections.edit.title"),
                i18n.get("connections.edit.header", entry.name()), "editConnectionDialog");
        TextField url = new TextField(entry.url() == null ? "" : entry.url().toString());
        url.setId("urlField");
        TextField caBundle = new TextField(entry.security().caBundle() == null ? "" : entry.security().caBundle());
        caBundle.setId("caBundleField");
        TextArea pins = new TextArea(String.join("\n", entry.security().pins()));
        pins.setId("pinsField");
        pins.setPrefRowCount(3);
        Label problem = new Label("", new FontIcon(Material2AL.ERROR_OUTLINE));
        problem.setId("editProblem");
        problem.getStyleClass().add("health-down");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        VBox content = new VBox(6, wrapped(i18n.get("connections.edit.url")), url,
                wrapped(i18n.get("connections.edit.caBundle")), caBundle,
                wrapped(i18n.get("connections.edit.pins")), pins, problem,
                wrapped(i18n.get("connections.edit.note")));
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        // a URL that is not even a URL is caught here; everything else is the configuration loader's to judge
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (parse(url.getText()) == null) {
                problem.setText(i18n.get("connections.edit.badUrl"));
                problem.setVisible(true);
                e.consume();
            }
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ButtonType.OK) {
                onEdit.accept(new ConnectionEdit(parse(url.getText()), caBundle.getText(),
                        List.of(pins.getText().split("\\R"))));
            }
        });
        dialog.show();
        return dialog;
    }

    /** Asks for the passphrase as a fresh proof; blocks the caller (the FX thread) in a nested event loop. */
    static char[] askPassphrase(Window owner, I18n i18n, String problem) {
        Dialog<ButtonType> dialog = dialog(owner, i18n.get("connections.stepUp.title"),
                i18n.get("connections.stepUp.header"), "stepUpDialog");
        PasswordField field = new PasswordField();
        field.setId("passphraseField");
        field.setPromptText(i18n.get("connections.stepUp.prompt"));
        VBox content = new VBox(10);
        if (problem != null) {
            Label wrong = wrapped(problem);
            wrong.getStyleClass().add("health-down");
            content.getChildren().add(wrong);
        }
        content.getChildren().addAll(field, wrapped(i18n.get("connections.stepUp.weaker")));
        content.setPrefWidth(420);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> field.requestFocus());
        ButtonType answer = dialog.showAndWait().orElse(ButtonType.CANCEL);
        char[] value = answer == ButtonType.OK ? toChars(field.getCharacters()) : null;
        field.clear();
        return value;
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, String header, String id) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        DialogPane pane = dialog.getDialogPane();
        pane.setId(id);
        pane.getStylesheets().add(ConnectionDialogs.class.getResource(STYLESHEET).toExternalForm());
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot().getStyleClass().contains("theme-dark")) {
            pane.getStyleClass().add("theme-dark");
        }
        return dialog;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static char[] toChars(CharSequence text) {
        char[] value = new char[text.length()];
        for (int i = 0; i < value.length; i++) {
            value[i] = text.charAt(i);
        }
        return value;
    }

    private static URI parse(String text) {
        try {
            URI uri = new URI(text.strip());
            return uri.getScheme() == null || uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Wipes an answer the caller will not use. */
    static void wipe(char[] value) {
        if (value != null) {
            Arrays.fill(value, '\0');
        }
    }
}
