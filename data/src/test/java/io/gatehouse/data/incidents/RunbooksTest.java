package io.gatehouse.data.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.anomaly.AnomalyType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbooksTest {
    @TempDir
    Path dataDir;

    @Test
    void everyTypeShipsStepsAndAFileInTheDataDirectoryOverridesThem() throws Exception {
        Runbooks runbooks = Runbooks.inDataDirectory(dataDir);
        for (AnomalyType type : AnomalyType.values()) {
            assertThat(runbooks.steps(type)).hasSizeGreaterThanOrEqualTo(4);
        }
        Path file = runbooks.overrideFile(AnomalyType.CARD_TESTING);
        assertThat(file).isEqualTo(dataDir.resolve("runbooks/card_testing.txt"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Call the acquirer.\n\n  Block BIN 411111.\n");
        assertThat(runbooks.steps(AnomalyType.CARD_TESTING)).containsExactly("Call the acquirer.", "Block BIN 411111.");
        assertThat(runbooks.steps(AnomalyType.TOKEN_REPLAY).getFirst()).startsWith("1. Confirm");
    }

    @Test
    void anEmptyOrHugeOverrideFallsBackToTheShippedStepsAndSaysSo() throws Exception {
        Runbooks runbooks = Runbooks.inDataDirectory(dataDir);
        Path file = runbooks.overrideFile(AnomalyType.TOKEN_REPLAY);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x".repeat((int) Runbooks.MAX_BYTES + 1));
        assertThat(runbooks.steps(AnomalyType.TOKEN_REPLAY).getFirst()).contains("larger than 64 KiB");
        assertThat(runbooks.steps(AnomalyType.TOKEN_REPLAY)).hasSizeGreaterThan(4);
    }
}
