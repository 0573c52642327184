package io.gatehouse.app.cli;

import io.gatehouse.data.FailureKind;

/** The command line's exit codes, one per kind of failure. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONFIGURATION = 3;
    public static final int UPSTREAM = 4;
    public static final int PERMISSION = 5;
    public static final int LOCAL_STORE = 6;
    /** A defect in Gatehouse itself (EX_SOFTWARE); the log holds the details. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }

    public static int of(FailureKind kind) {
        return switch (kind) {
            case CHECK_FAILED -> CHECK_FAILED;
            case CONFIGURATION -> CONFIGURATION;
            case UPSTREAM -> UPSTREAM;
            case PERMISSION -> PERMISSION;
            case LOCAL_STORE -> LOCAL_STORE;
        };
    }
}
