package io.gatehouse.app.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging (and so System.Logger) to rotating files in the data directory,
 * instead of the terminal: the user sees one clear line per error, the log keeps the detail.
 */
public final class FileLog {
    private static volatile Path installedIn;

    private FileLog() {
    }

    /**
     * Removes the default terminal handler before anything logs: the command line shows one line
     * per error, and libraries' warnings belong in the file, not between the user's output.
     */
    public static synchronized void silenceTerminal() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof java.util.logging.ConsoleHandler) {
                root.removeHandler(handler);
            }
        }
    }

    public static synchronized void install(Path dataDirectory) {
        Path dir = dataDirectory.resolve("logs");
        if (dir.equals(installedIn)) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        try {
            Files.createDirectories(dir);
            FileHandler file = new FileHandler(dir.resolve("gatehouse-%g.log").toString(), 5 * 1024 * 1024, 3, true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.INFO);
            Logger root = LogManager.getLogManager().getLogger("");
            for (Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
                handler.close();
            }
            root.addHandler(file);
            root.setLevel(Level.INFO);
            installedIn = dir;
        } catch (IOException e) {
            // keep the default console handler: a console without a log file still works
            Logger.getLogger(FileLog.class.getName()).warning("cannot write logs to " + dir + ": " + e.getMessage());
        }
    }

    /** The folder the log files go to, once installed. */
    public static Path directory() {
        return installedIn;
    }
}
