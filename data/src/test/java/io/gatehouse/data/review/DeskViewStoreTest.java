package io.gatehouse.data.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.testing.FailingChannel;
import io.gatehouse.data.testing.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeskViewStoreTest {
    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.at("2026-11-26T02:00:00Z");
    private final DeskView highRisk = new DeskView("High risk EU", Map.of("region", "EU", "minRisk", "80"), "risk", false);

    private DeskViewStore store(String operator) {
        return new DeskViewStore(dir, operator, new SafeFileWriter(), clock);
    }

    @Test
    void viewsRoundTripPerOperator() {
        store("alice").save(List.of(highRisk));

        assertThat(store("alice").load()).containsExactly(highRisk);
        assertThat(store("bob").load()).as("another operator has their own file").isEmpty();
        assertThat(store("a/../b").file().getFileName().toString()).isEqualTo("desk-views-a_.._b.json");
    }

    @Test
    void aCorruptFileIsMovedAsideAndNamedNeverOverwritten() throws Exception {
        Path file = store("alice").file();
        Files.writeString(file, "[{\"name\":\"x\",\"filter\":{},\"sortColumn\":null,\"ascending\":true,}", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store("alice").load()).isInstanceOf(GatehouseException.class)
                .hasMessageContaining("invalid JSON at line 1")
                .hasMessageContaining("kept as desk-views-alice.json.broken-" + clock.instant().toEpochMilli());

        Path aside = dir.resolve("desk-views-alice.json.broken-" + clock.instant().toEpochMilli());
        assertThat(Files.readString(aside)).startsWith("[{\"name\":\"x\"");
        assertThat(store("alice").load()).isEmpty();
    }

    @Test
    void unknownFieldsAndDuplicateNamesAreRefused() throws Exception {
        Path file = store("alice").file();
        Files.writeString(file, "[{\"name\":\"x\",\"filter\":{},\"sortColumn\":null,\"ascending\":true,\"colour\":1}]");
        assertThatThrownBy(() -> store("alice").load()).hasMessageContaining("unexpected value");

        clock.advance(java.time.Duration.ofSeconds(1));
        Files.writeString(file, "[{\"name\":\"x\",\"filter\":{},\"sortColumn\":null,\"ascending\":true},"
                + "{\"name\":\"X\",\"filter\":{},\"sortColumn\":null,\"ascending\":false}]");
        assertThatThrownBy(() -> store("alice").load()).hasMessageContaining("used twice");
    }

    @Test
    void aFullDiskLeavesTheSavedViewsAsTheyWere() {
        store("alice").save(List.of(highRisk));
        DeskViewStore failing = new DeskViewStore(dir, "alice",
                new SafeFileWriter(FailingChannel.opener(FailingChannel.Fault.DISK_FULL, 0)), clock);

        assertThatThrownBy(() -> failing.save(List.of(highRisk, new DeskView("Mine", Map.of("mine", "true"), null, true))))
                .isInstanceOf(GatehouseException.class);

        assertThat(store("alice").load()).containsExactly(highRisk);
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> new DeskView("  ", Map.of(), null, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
