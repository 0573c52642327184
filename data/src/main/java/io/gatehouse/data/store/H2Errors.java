package io.gatehouse.data.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Turns H2's error codes into the store's few reasons, each with advice. */
final class H2Errors {
    private H2Errors() {
    }

    static StoreException toStoreException(Path dir, SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> DirectoryLock.locked(dir, e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.GENERAL_ERROR_1 -> corrupt(dir, e);
            default -> new StoreException(StoreException.Reason.IO, "The local store in " + dir + " failed: "
                    + firstLine(e.getMessage()) + ".", e);
        };
    }

    static StoreException corrupt(Path dir, Throwable cause) {
        return new StoreException(StoreException.Reason.CORRUPT, "The database file in " + dir
                + " is damaged or is not a Gatehouse database. It was left untouched: restore it from a backup,"
                + " or move it away to start with an empty store.", cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
