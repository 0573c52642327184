package io.gatehouse.views.common;

import java.lang.management.ManagementFactory;
import javafx.stage.Stage;

/**
 * Cold-start measurement: with {@code GATEHOUSE_FIRST_FRAME_PROBE=exit} in the environment, a
 * window prints {@code <label> <ms since JVM start>} once its next frame has been rendered, and
 * the last one measured closes the window (see {@link NextFrame}).
 */
public final class FirstFrameProbe {
    private FirstFrameProbe() {
    }

    public static boolean requested() {
        return "exit".equals(System.getenv("GATEHOUSE_FIRST_FRAME_PROBE"));
    }

    /** Prints {@code first-frame} and closes the window; call on the FX thread right after {@code stage.show()}. */
    public static void attach(Stage stage) {
        report(stage, "first-frame", true);
    }

    /** Prints {@code label} after the stage's next rendered frame, then closes it when {@code close}. */
    public static void report(Stage stage, String label, boolean close) {
        NextFrame.afterRendered(() -> {
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println(label + " " + sinceStart);
            System.out.flush();
            if (close) {
                stage.hide();
            }
        });
    }
}
