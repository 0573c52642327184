package io.gatehouse.connectors.telemetry.exposition;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;

/** The exposition text breaks the format or a limit; names the line and column. */
public final class ExpositionException extends GatehouseException {
    private final long line;
    private final int column;

    public ExpositionException(long line, int column, String problem) {
        super(FailureKind.UPSTREAM, "Metrics text is malformed at line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public int column() {
        return column;
    }
}
