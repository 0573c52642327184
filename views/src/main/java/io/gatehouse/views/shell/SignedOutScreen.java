package io.gatehouse.views.shell;

import io.gatehouse.views.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * What the console's window shows once its operator signed out: who left, that nothing unsent was lost, and the
 * sign-in step for whoever comes next. The window stays open, so the next operator does not restart Gatehouse.
 */
final class SignedOutScreen extends StackPane {
    /** How the next sign-in proves presence, which the hint under the buttons explains. */
    enum Proof { PIN, PASSPHRASE, NONE }

    private final Button signIn;
    private final Button quit;

    SignedOutScreen(I18n i18n, String operator, Proof proof, boolean weaker) {
        setId("signedOutScreen");
        getStyleClass().add("lock-screen");
        FontIcon icon = new FontIcon(Material2AL.LOGIN);
        icon.setIconSize(48);
        icon.getStyleClass().add("lock-screen-icon");
        Label title = new Label(i18n.get("signout.title"));
        title.getStyleClass().add("title-2");
        Label who = new Label(i18n.get("signout.who", operator));
        who.setId("signedOutOperator");
        who.setWrapText(true);
        Label kept = new Label(i18n.get("signout.kept"));
        kept.setWrapText(true);
        signIn = new Button(i18n.get("signout.signIn"));
        signIn.setId("signInButton");
        signIn.setDefaultButton(true);
        signIn.getStyleClass().add("accent");
        quit = new Button(i18n.get("signout.quit"));
        quit.setId("quitButton");
        HBox buttons = new HBox(10, signIn, quit);
        buttons.setAlignment(Pos.CENTER);
        Label hint = new Label(i18n.get(switch (proof) {
            case PIN -> "signout.hint.pin";
            case PASSPHRASE -> "signout.hint.passphrase";
            case NONE -> "signout.hint.none";
        }));
        hint.setId("signInHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        VBox card = new VBox(14, icon, title, who, kept, buttons, hint);
        if (weaker) {
            Label weak = new Label(i18n.get("session.lock.weaker"), new FontIcon(Material2AL.INFO));
            weak.setId("signInWeaker");
            weak.setWrapText(true);
            weak.getStyleClass().add("health-degraded");
            card.getChildren().add(weak);
        }
        card.getChildren().filtered(n -> n instanceof Label).forEach(n -> {
            ((Label) n).setMinHeight(Region.USE_PREF_SIZE);
            ((Label) n).setTextAlignment(TextAlignment.CENTER);
        });
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(460);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("lock-screen-card");
        getChildren().add(card);
    }

    Button signInButton() {
        return signIn;
    }

    Button quitButton() {
        return quit;
    }

    /** While the next sign-in runs, the buttons wait for it. */
    void busy(boolean busy) {
        signIn.setDisable(busy);
        quit.setDisable(busy);
    }
}
