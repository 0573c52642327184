package io.gatehouse.data.files;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import java.nio.file.Path;

/** An export could not be written; the target is as it was before, and no partial file is left. */
public final class ExportFailedException extends GatehouseException {
    private final Path target;

    public ExportFailedException(Path target, String message, Throwable cause) {
        super(FailureKind.LOCAL_STORE, message, cause);
        this.target = target;
    }

    public Path target() {
        return target;
    }
}
