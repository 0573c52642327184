package io.gatehouse.data.config;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.nio.file.Path;

/** The configuration file is refused; the message starts with file:line:column where known. */
public final class ConfigException extends GatehouseException {
    private final Path file;
    private final int line;
    private final int column;

    public ConfigException(Path file, int line, int column, String problem, Throwable cause) {
        super(FailureKind.CONFIGURATION, where(file, line, column) + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String where(Path file, int line, int column) {
        String name = file == null ? "configuration" : file.toString();
        return line > 0 ? name + ":" + line + ":" + column + ": " : name + ": ";
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem has no single place. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
