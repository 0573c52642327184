package io.gatehouse.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.gatehouse.data.settings.ThemeChoice;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.Language;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The warm-up builds the console's real main window and review desk from their FXML, without controllers. It only
 * logs a failure (the console builds everything again anyway), so this test is where a file it can no longer load,
 * say one that gained an event handler, shows up.
 */
class ConsoleWarmUpUiTest extends FxRobot {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void lightAgain() {
        interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void buildsStylesAndFillsTheMainWindowAndTheDeskOffScreenInTheOperatorsTheme() {
        AtomicReference<Parent> built = new AtomicReference<>();
        interact(() -> built.set(ConsoleWarmUp.runNow(new I18n(Language.GERMAN), ThemeChoice.DARK)));
        Parent root = built.get();

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(root.getStyleClass()).contains("gatehouse-root", "theme-dark");
        assertThat(root.getScene().getStylesheets()).singleElement().asString().endsWith("gatehouse.css");
        ListView<?> navigation = (ListView<?>) root.lookup("#navigation");
        assertThat(navigation.getItems()).hasSize(Area.values().length);
        TableView<?> desk = (TableView<?>) root.lookup("#table");
        assertThat(desk.getItems()).hasSize(40);
        assertThat(desk.getSkin()).as("styled, so the table's skin exists").isNotNull();
        assertThat(desk.getWidth()).as("laid out at the console's size").isGreaterThan(400);
        assertThat(desk.getColumns().getFirst().getCellData(0)).isEqualTo("Fall 0");
    }
}
