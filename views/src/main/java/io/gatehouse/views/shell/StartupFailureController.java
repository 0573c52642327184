package io.gatehouse.views.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The screen shown instead of the console when it cannot start. */
public final class StartupFailureController {
    private final String title;
    private final String whatHappened;
    private final String whatToDo;
    private final Throwable detail;
    private final Runnable close;

    @FXML private Label titleLabel;
    @FXML private Label whatHappenedLabel;
    @FXML private Label whatToDoLabel;
    @FXML private TitledPane detailPane;
    @FXML private TextArea detailText;
    @FXML private Button copyButton;
    @FXML private Button closeButton;

    StartupFailureController(String title, String whatHappened, String whatToDo, Throwable detail, Runnable close) {
        this.title = title;
        this.whatHappened = whatHappened;
        this.whatToDo = whatToDo;
        this.detail = detail;
        this.close = close;
    }

    @FXML
    private void initialize() {
        FontIcon icon = new FontIcon(Material2AL.ERROR);
        icon.getStyleClass().add("failure-icon");
        titleLabel.setGraphic(icon);
        titleLabel.setText(title);
        whatHappenedLabel.setText(whatHappened);
        whatToDoLabel.setText(whatToDo);
        String trace = stackTrace(detail);
        detailText.setText(trace);
        detailPane.setVisible(!trace.isEmpty());
        detailPane.setManaged(!trace.isEmpty());
        copyButton.setVisible(!trace.isEmpty());
        copyButton.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(title + "\n" + whatHappened + "\n" + whatToDo + "\n\n" + trace);
            Clipboard.getSystemClipboard().setContent(content);
        });
        closeButton.setOnAction(e -> close.run());
        closeButton.setDefaultButton(true);
    }

    private static String stackTrace(Throwable failure) {
        if (failure == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
