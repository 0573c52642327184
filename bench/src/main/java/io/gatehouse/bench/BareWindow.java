package io.gatehouse.bench;

import io.gatehouse.views.common.FirstFrameProbe;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The cold-start baseline: a bare JavaFX window showing one label, measured like the console. */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) throws InterruptedException {
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("Gatehouse"), 1280, 800));
            stage.setOnHidden(e -> closed.countDown());
            stage.show();
            FirstFrameProbe.attach(stage);
        });
        closed.await();
        Platform.exit();
    }
}
