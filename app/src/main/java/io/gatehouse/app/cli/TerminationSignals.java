package io.gatehouse.app.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Handles SIGTERM and SIGINT ourselves so a headless command can stop its work and return exit code 0.
 * The JVM's own handlers would start shutdown at once and end the process with 143 or 130.
 */
final class TerminationSignals {
    private static final Logger LOG = Logger.getLogger(TerminationSignals.class.getName());

    private TerminationSignals() {
    }

    /** Runs {@code onSignal} on TERM or INT; false if handlers cannot be installed (e.g. under -Xrs). */
    @SuppressWarnings("removal")
    static boolean onTermination(Runnable onSignal) {
        try {
            for (String name : new String[] {"TERM", "INT"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> onSignal.run());
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.log(Level.FINE, "signal handlers unavailable; relying on the shutdown hook", e);
            return false;
        }
    }
}
