package io.gatehouse.data.files;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a file's content to the stream it is given; the stream must not be closed by the body. */
@FunctionalInterface
public interface FileBody {
    void writeTo(OutputStream out) throws IOException;
}
