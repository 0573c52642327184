package io.gatehouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() throws Exception {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", ""));
        assertThat(out.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    @Test
    void formulasFromUpstreamAreDefused() {
        assertThat(CsvWriter.escape("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvWriter.escape("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.escape("123.45")).isEqualTo("123.45");
    }
}
