package io.gatehouse.views.executive;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The full-screen presentation: one slide at a time on black, a presenter clock in the corner,
 * and keyboard and clicker navigation. Closing it (Esc) returns to the console.
 */
public final class PresentationWindow {
    private final ExecutiveViewModel viewModel;
    private final boolean dark;
    private final Stage stage = new Stage();
    private final ScaledSlide slide = new ScaledSlide();
    private final Label clock = new Label();
    private final Timeline ticker;
    private final ChangeListener<Object> redraw = (obs, before, now) -> draw();

    public PresentationWindow(ExecutiveViewModel viewModel, boolean dark, Window owner) {
        this.viewModel = viewModel;
        this.dark = dark;
        clock.textProperty().bind(viewModel.clockTextProperty());
        clock.setStyle(SlideFonts.style(18, false, Color.web("#d0d7de")) + "-fx-background-color: rgba(0,0,0,0.55);"
                + "-fx-background-radius: 6;");
        clock.setPadding(new Insets(4, 10, 4, 10));
        clock.setId("presenterClock");
        StackPane root = new StackPane(slide, clock);
        StackPane.setAlignment(clock, Pos.BOTTOM_LEFT);
        StackPane.setMargin(clock, new Insets(0, 0, 12, 12));
        root.setStyle("-fx-background-color: black;");
        Scene scene = new Scene(root, 1280, 720, Color.BLACK);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setScene(scene);
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> viewModel.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        stage.setOnHidden(e -> {
            ticker.stop();
            viewModel.indexProperty().removeListener(redraw);
            viewModel.deckProperty().removeListener(redraw);
        });
    }

    public void show() {
        viewModel.indexProperty().addListener(redraw);
        viewModel.deckProperty().addListener(redraw);
        draw();
        viewModel.startPresenting();
        ticker.play();
        stage.setFullScreen(true);
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private void key(KeyEvent event) {
        switch (PresentationKeys.of(event.getCode())) {
            case NEXT -> viewModel.next();
            case PREVIOUS -> viewModel.previous();
            case FIRST -> viewModel.first();
            case LAST -> viewModel.last();
            case CLOSE -> stage.hide();
            case NONE -> {
                return;
            }
        }
        event.consume();
    }

    private void draw() {
        Deck deck = viewModel.deckProperty().get();
        if (deck != null) {
            slide.show(SlideView.render(deck, viewModel.indexProperty().get(), dark));
        }
    }
}
