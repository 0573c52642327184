package io.gatehouse.views.common;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.stage.Stage;

/**
 * Cold-start measurement: with {@code GATEHOUSE_FIRST_FRAME_PROBE=exit} in the environment, the
 * first window prints {@code first-frame <ms since JVM start>} once its first frame has been
 * rendered, then closes. A timer forces pulses; its second tick comes after the first frame.
 */
public final class FirstFrameProbe {
    private FirstFrameProbe() {
    }

    public static boolean requested() {
        return "exit".equals(System.getenv("GATEHOUSE_FIRST_FRAME_PROBE"));
    }

    /** Call on the FX thread right after {@code stage.show()}. */
    public static void attach(Stage stage) {
        new AnimationTimer() {
            private int ticks;

            @Override
            public void handle(long now) {
                if (++ticks == 2) {
                    stop();
                    long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("first-frame " + sinceStart);
                    System.out.flush();
                    stage.hide();
                }
            }
        }.start();
    }
}
