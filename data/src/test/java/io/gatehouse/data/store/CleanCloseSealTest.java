package io.gatehouse.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clean close seals the file; the next open trusts the seal only for the very file the close left. */
class CleanCloseSealTest {
    @TempDir
    Path tmp;

    @Test
    void aCleanCloseSealsAndTheNextOpenUsesUpTheSeal() {
        Path dir = closedStore();
        assertThat(dir.resolve(CleanCloseSeal.FILE)).exists();
        try (LocalStore store = LocalStore.open(dir)) {
            // while the store is open there is no seal: a crash now must not leave one beside a changed file
            assertThat(dir.resolve(CleanCloseSeal.FILE)).doesNotExist();
            store.write(c -> c.createStatement().executeUpdate("CREATE TABLE T (X INT)"));
        }
        assertThat(dir.resolve(CleanCloseSeal.FILE)).exists();
        assertThat(CleanCloseSeal.consume(dir)).isTrue();
        assertThat(CleanCloseSeal.consume(dir)).isFalse();
    }

    @Test
    void aFileChangedAfterTheCloseDoesNotMatch() throws Exception {
        Path dir = closedStore();
        Files.write(dir.resolve(LocalStore.DATABASE_FILE), new byte[] {0}, StandardOpenOption.APPEND);
        assertThat(CleanCloseSeal.consume(dir)).isFalse();
        assertThat(dir.resolve(CleanCloseSeal.FILE)).doesNotExist();
    }

    @Test
    void aFileTouchedAfterTheCloseDoesNotMatch() throws Exception {
        Path dir = closedStore();
        Path file = dir.resolve(LocalStore.DATABASE_FILE);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        assertThat(CleanCloseSeal.consume(dir)).isFalse();
    }

    @Test
    void aSealOfOtherSchemaVersionsOrAGarbledOneDoesNotMatch() throws Exception {
        Path dir = closedStore();
        Path seal = dir.resolve(CleanCloseSeal.FILE);
        Files.writeString(seal, Files.readString(seal).replace("schema=", "schema=99,"));
        assertThat(CleanCloseSeal.consume(dir)).isFalse();
        Files.writeString(seal, "\\u12");
        assertThat(CleanCloseSeal.consume(dir)).isFalse();
        assertThat(seal).doesNotExist();
    }

    @Test
    void aStoreWhoseHistoryIsNotThisBuildsIsNotSealed() {
        Path dir = tmp.resolve("data");
        try (LocalStore store = LocalStore.open(dir)) {
            store.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '13'");
                }
                return null;
            });
        }
        assertThat(dir.resolve(CleanCloseSeal.FILE)).doesNotExist();
    }

    @Test
    void aProcessKilledWhileTheStoreIsOpenLeavesNoSeal() throws Exception {
        Path dir = closedStore();
        try (ChildJvm child = ChildJvm.start(StoreChild.class, "crash", dir.toString(), "3")) {
            assertThat(child.readLine()).isEqualTo("committed");
            assertThat(child.waitFor()).isEqualTo(137);
        }
        assertThat(dir.resolve(CleanCloseSeal.FILE)).doesNotExist();
        // the next open inspects the file as before, and finds the committed writes
        try (LocalStore store = LocalStore.open(dir)) {
            int entries = store.read(c -> {
                try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM AUDIT_ENTRY")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(entries).isEqualTo(3);
        }
    }

    private Path closedStore() {
        Path dir = tmp.resolve("data");
        try (LocalStore store = LocalStore.open(dir)) {
            store.write(c -> c.createStatement().executeUpdate("CREATE TABLE IF NOT EXISTS S (X INT)"));
        }
        return dir;
    }
}
