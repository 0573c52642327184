package io.gatehouse.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * Saves the stack trace of a defect that struck before the log file existed, owner-only. Stack
 * traces carry class names and messages; no message in Gatehouse contains a secret.
 */
final class CrashReport {
    private CrashReport() {
    }

    static String write(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        try {
            Path file = Files.createTempFile("gatehouse-crash-" + Instant.now().getEpochSecond() + "-", ".log",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, trace.toString());
            return file.toString();
        } catch (IOException | UnsupportedOperationException writeFailed) {
            return "none saved (" + writeFailed.getClass().getSimpleName() + ")";
        }
    }
}
