package io.gatehouse.connectors.events;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import okio.BufferedSource;

/**
 * Reads newline-terminated lines from a stream without ever buffering more than the line limit:
 * a longer line is skipped to its end, and bytes after the last newline when the stream ends are a
 * cut line, never a line.
 */
final class LineReader {
    /** What the next read found. */
    sealed interface Read {
    }

    /** A complete line, without its newline (and without a trailing carriage return). */
    record Line(String text) implements Read {
    }

    /** A complete line that is not UTF-8. */
    record NotText() implements Read {
    }

    /** A line longer than the limit, skipped. */
    record Oversized() implements Read {
    }

    /** The stream ended; {@code cut} when it ended inside a line. */
    record End(boolean cut) implements Read {
    }

    private static final long SKIP_CHUNK = 8192;

    private final BufferedSource source;
    private final int maxLineBytes;

    LineReader(BufferedSource source, int maxLineBytes) {
        this.source = source;
        this.maxLineBytes = maxLineBytes;
    }

    Read next() throws IOException {
        long newline = source.indexOf((byte) '\n', 0, maxLineBytes + 1L);
        if (newline < 0) {
            if (source.getBuffer().size() > maxLineBytes) {
                return skipLine();
            }
            // indexOf stopped short of the limit, so the stream is exhausted
            return new End(source.getBuffer().size() > 0);
        }
        byte[] bytes = source.readByteArray(newline);
        source.skip(1);
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return new Line(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length)).toString());
        } catch (CharacterCodingException e) {
            return new NotText();
        }
    }

    private Read skipLine() throws IOException {
        while (true) {
            long newline = source.indexOf((byte) '\n', 0, SKIP_CHUNK);
            if (newline >= 0) {
                source.skip(newline + 1);
                return new Oversized();
            }
            long held = source.getBuffer().size();
            if (held == 0) {
                // the stream ended inside the oversized line; the next read reports the end
                return new Oversized();
            }
            // only the part searched: the buffer may already hold more, the newline and the next line with it
            source.skip(Math.min(held, SKIP_CHUNK));
        }
    }
}
