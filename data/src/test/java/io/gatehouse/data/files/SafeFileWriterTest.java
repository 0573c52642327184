package io.gatehouse.data.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.testing.FailingChannel;
import io.gatehouse.data.testing.FailingChannel.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SafeFileWriterTest {
    @TempDir
    Path dir;

    /** Big enough that the body needs several channel writes, so a fault can land in the middle. */
    private static final byte[] LARGE = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);

    @Test
    void writesTheWholeFile() throws IOException {
        Path target = dir.resolve("report.pdf");
        new SafeFileWriter().write(target, LARGE);
        assertThat(Files.readAllBytes(target)).isEqualTo(LARGE);
        assertThat(listing()).containsExactly("report.pdf");
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aFaultAtAnyWriteLeavesTheOldFileAndNoPartialFile(Fault fault) throws IOException {
        Path target = dir.resolve("report.pdf");
        Files.writeString(target, "previous report");
        for (int writesBefore = 0; writesBefore < 4; writesBefore++) {
            SafeFileWriter writer = new SafeFileWriter(FailingChannel.opener(fault, writesBefore));
            assertThatThrownBy(() -> writer.write(target, out -> {
                for (int i = 0; i < 4; i++) {
                    out.write(LARGE);
                    out.flush();
                }
            }))
                    .isInstanceOf(ExportFailedException.class)
                    .hasMessageContaining(fault == Fault.DISK_FULL ? "disk is full" : "permission denied");
            assertThat(Files.readString(target)).isEqualTo("previous report");
            assertThat(listing()).containsExactly("report.pdf");
        }
    }

    @Test
    void aFailingBodyLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("new.png");
        assertThatThrownBy(() -> new SafeFileWriter().write(target, out -> {
            out.write(LARGE);
            throw new IOException("renderer failed");
        })).isInstanceOf(ExportFailedException.class).hasMessageContaining("renderer failed");
        assertThat(listing()).isEmpty();
    }

    @Test
    void aMissingFolderIsNamed() {
        Path target = dir.resolve("absent").resolve("x.pdf");
        assertThatThrownBy(() -> new SafeFileWriter().write(target, LARGE))
                .isInstanceOf(ExportFailedException.class)
                .hasMessageContaining("folder does not exist");
    }

    @Test
    void aFolderAsTargetIsRefused() throws IOException {
        Files.createDirectory(dir.resolve("out"));
        assertThatThrownBy(() -> new SafeFileWriter().write(dir.resolve("out"), LARGE))
                .isInstanceOf(ExportFailedException.class)
                .hasMessageContaining("is a folder");
    }

    private java.util.List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
