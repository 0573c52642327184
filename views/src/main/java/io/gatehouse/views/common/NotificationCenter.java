package io.gatehouse.views.common;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Shows messages as in-app notifications stacked in a corner of the window, instead of modal alerts.
 * The layer is an overlay node the shell places above its content; it lets clicks pass through.
 */
public final class NotificationCenter implements DialogService {
    static final int MAX_VISIBLE = 3;

    private final VBox layer = new VBox(8);
    private final Supplier<I18n> i18n;

    public NotificationCenter(Supplier<I18n> i18n) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        layer.setId("notifications");
        layer.setPickOnBounds(false);
        layer.setAlignment(Pos.TOP_RIGHT);
        // Below the area header, so the title and the Simulated data badge stay visible.
        layer.setPadding(new Insets(100, 20, 16, 16));
        layer.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        StackPane.setAlignment(layer, Pos.TOP_RIGHT);
    }

    /** The overlay node; put it in a StackPane above the window content. */
    public VBox layer() {
        return layer;
    }

    @Override
    public void notify(UserMessage message) {
        I18n text = i18n.get();
        Notification notification = new Notification(body(message), icon(message.severity()));
        notification.getStyleClass().add(switch (message.severity()) {
            case INFO -> Styles.ACCENT;
            case WARNING -> Styles.WARNING;
            case ERROR -> Styles.DANGER;
        });
        notification.getStyleClass().add(Styles.ELEVATED_1);
        notification.setPrefWidth(420);
        notification.setMaxWidth(420);

        VBox card = new VBox(notification);
        card.getStyleClass().add("notification-card");
        card.setMaxWidth(420);
        if (!message.technicalDetail().isBlank()) {
            TextArea detail = new TextArea(message.technicalDetail());
            detail.setEditable(false);
            detail.setWrapText(false);
            detail.setPrefRowCount(8);
            TitledPane expandable = new TitledPane(text.get("notification.technicalDetail"), detail);
            expandable.setExpanded(false);
            expandable.setAnimated(false);
            expandable.getStyleClass().add(Styles.DENSE);
            card.getChildren().add(expandable);
        }
        Button dismiss = new Button(text.get("notification.dismiss"));
        dismiss.setOnAction(e -> layer.getChildren().remove(card));
        notification.setPrimaryActions(dismiss);
        notification.setOnClose(e -> layer.getChildren().remove(card));

        layer.getChildren().add(card);
        while (layer.getChildren().size() > MAX_VISIBLE) {
            layer.getChildren().removeFirst();
        }
    }

    private static String body(UserMessage message) {
        StringBuilder body = new StringBuilder(message.title());
        if (!message.whatHappened().isBlank()) {
            body.append("\n").append(message.whatHappened());
        }
        if (!message.whatToDo().isBlank()) {
            body.append("\n").append(message.whatToDo());
        }
        return body.toString();
    }

    private static FontIcon icon(Severity severity) {
        return new FontIcon(switch (severity) {
            case INFO -> Material2AL.INFO;
            case WARNING -> Material2MZ.WARNING;
            case ERROR -> Material2AL.ERROR;
        });
    }
}
