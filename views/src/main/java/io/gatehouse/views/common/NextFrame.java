package io.gatehouse.views.common;

import javafx.animation.AnimationTimer;

/** Runs work once the scene's next frame has been rendered. */
public final class NextFrame {
    private NextFrame() {
    }

    /**
     * Runs {@code action} on the JavaFX thread at the second pulse from now: the pulse after the one that renders
     * the next frame. A timer forces the pulses, so this works on a scene with nothing animating. JavaFX thread.
     */
    public static void afterRendered(Runnable action) {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
