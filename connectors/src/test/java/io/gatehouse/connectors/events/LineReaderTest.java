package io.gatehouse.connectors.events;

import static org.assertj.core.api.Assertions.assertThat;

import okio.Buffer;
import org.junit.jupiter.api.Test;

/** Lines from a stream, with oversized ones skipped whole, however much of the stream is already buffered. */
class LineReaderTest {
    @Test
    void anOversizedLineIsSkippedToItsEndWhenTheNextLineIsAlreadyBuffered() throws Exception {
        // all of it in the buffer at once, as when the network delivers it in one read
        Buffer stream = new Buffer().writeUtf8("x".repeat(20_000)).writeUtf8("\n").writeUtf8("next\n");
        LineReader lines = new LineReader(stream, 1024);

        assertThat(lines.next()).isInstanceOf(LineReader.Oversized.class);
        assertThat(lines.next()).isEqualTo(new LineReader.Line("next"));
        assertThat(lines.next()).isEqualTo(new LineReader.End(false));
    }

    @Test
    void anOversizedLineThatEndsTheStreamIsOversizedThenTheEnd() throws Exception {
        LineReader lines = new LineReader(new Buffer().writeUtf8("y".repeat(30_000)), 1024);

        assertThat(lines.next()).isInstanceOf(LineReader.Oversized.class);
        assertThat(lines.next()).isEqualTo(new LineReader.End(false));
    }

    @Test
    void aShortLineWithACarriageReturnIsReadWithoutIt() throws Exception {
        LineReader lines = new LineReader(new Buffer().writeUtf8("data: {}\r\n"), 1024);

        assertThat(lines.next()).isEqualTo(new LineReader.Line("data: {}"));
    }
}
