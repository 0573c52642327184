package io.gatehouse.views.session;

import io.gatehouse.views.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * What a locked console shows instead of its content: who holds the session, a field for their PIN or
 * passphrase, and a way out that signs them out. It is opaque and the content under it is hidden, so no data
 * shows through and nothing under it takes focus.
 */
final class LockScreen extends StackPane {
    private final PasswordField secret = new PasswordField();
    private final Label problem = new Label();
    private final Button unlock;
    private final Button signOut;

    LockScreen(I18n i18n, String operator, SecretRequest.SecretKind kind, boolean needsSecret, boolean weaker) {
        setId("lockScreen");
        getStyleClass().add("lock-screen");
        FontIcon icon = new FontIcon(Material2AL.LOCK);
        icon.setIconSize(48);
        icon.getStyleClass().add("lock-screen-icon");
        Label title = new Label(i18n.get("session.lock.title"));
        title.getStyleClass().add("title-2");
        Label who = new Label(i18n.get("session.lock.who", operator));
        who.setId("lockOperator");
        who.setWrapText(true);
        secret.setId("unlockField");
        boolean pin = kind == SecretRequest.SecretKind.PIN;
        secret.setPromptText(i18n.get(pin ? "session.prompt.field.pin" : "session.prompt.field.passphrase"));
        secret.setMaxWidth(280);
        secret.setVisible(needsSecret);
        secret.setManaged(needsSecret);
        problem.setId("unlockProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("health-down");
        problem.setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
        problem.setVisible(false);
        problem.setManaged(false);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        unlock = new Button(i18n.get("session.lock.unlock"));
        unlock.setId("unlockButton");
        unlock.setDefaultButton(true);
        unlock.getStyleClass().add("accent");
        if (needsSecret) {
            unlock.disableProperty().bind(secret.textProperty().isEmpty());
        }
        signOut = new Button(i18n.get("session.lock.signOut"));
        signOut.setId("signOutButton");
        HBox buttons = new HBox(10, unlock, signOut);
        buttons.setAlignment(Pos.CENTER);
        String hintKey = !needsSecret ? "session.lock.hint.none"
                : pin ? "session.lock.hint.pin" : "session.lock.hint.passphrase";
        Label hint = new Label(i18n.get(hintKey, operator));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox card = new VBox(14, icon, title, who, secret, problem, buttons, hint);
        if (weaker) {
            Label weak = new Label(i18n.get("session.lock.weaker"), new FontIcon(Material2AL.INFO));
            weak.setId("lockWeaker");
            weak.setWrapText(true);
            weak.getStyleClass().add("health-degraded");
            card.getChildren().add(weak);
        }
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(420);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("lock-screen-card");
        getChildren().add(card);
        // clicks and scrolls stop here: nothing under the lock screen reacts
        setOnMouseClicked(e -> e.consume());
        setOnScroll(e -> e.consume());
    }

    PasswordField secret() {
        return secret;
    }

    Button unlockButton() {
        return unlock;
    }

    Button signOutButton() {
        return signOut;
    }

    void busy(boolean busy) {
        secret.setDisable(busy);
        signOut.setDisable(busy);
        if (!unlock.disableProperty().isBound()) {
            unlock.setDisable(busy);
        }
    }

    void problem(String sentence) {
        problem.setText(sentence == null ? "" : sentence);
        problem.setVisible(sentence != null);
        problem.setManaged(sentence != null);
    }
}
