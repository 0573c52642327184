package io.gatehouse.app.console;

import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.config.AppDirectories;
import java.time.InstantSource;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Opens the graphical console: composition off the FX thread, then the window. */
public final class ConsoleBoot {
    public int start(AppDirectories directories) {
        Composition composition = Composition.open(directories, InstantSource.system());
        String roles = composition.session().operator().roles().stream().map(r -> r.configName())
                .sorted().collect(Collectors.joining(", "));
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("Gatehouse — " + composition.session().operator().displayName() + " (" + roles + ")");
            stage.setScene(new Scene(new Label("Data: " + directories.dataDirectory()), 800, 500));
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
            composition.close();
        }
        return ExitCode.OK;
    }
}
