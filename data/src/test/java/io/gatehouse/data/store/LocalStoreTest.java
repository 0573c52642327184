package io.gatehouse.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.testing.ChildJvm;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @Test
    void migratesAnEmptyDatabaseToTheCurrentSchema() throws Exception {
        Path dir = tmp.resolve("data");
        try (LocalStore store = LocalStore.open(dir)) {
            int tables = store.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME IN ('AUDIT_ENTRY','AUDIT_PERSONAL_DATA')")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(tables).isEqualTo(2);
            String version = store.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" ORDER BY \"installed_rank\" DESC LIMIT 1")) {
                    r.next();
                    return r.getString(1);
                }
            });
            assertThat(version).isEqualTo(Integer.toString(latestMigration()));
        }
        assertThat(Files.exists(dir.resolve("gatehouse.mv.db"))).isTrue();
    }

    @Test
    void closingLeavesNoErrorInTheDatabaseTraceFile() throws Exception {
        Path dir = tmp.resolve("closed");
        for (int start = 0; start < 2; start++) {
            try (LocalStore store = LocalStore.open(dir)) {
                store.write(c -> c.createStatement().executeUpdate("CREATE TABLE IF NOT EXISTS T (X INT)"));
            }
        }
        // H2 writes its own errors to <name>.trace.db; an ordinary open and close must not add one
        assertThat(dir.resolve("gatehouse.trace.db")).doesNotExist();
    }

    @Test
    void createsTheDataDirectoryOwnerOnly() throws Exception {
        Path dir = tmp.resolve("fresh");
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
    }

    @Test
    void reopensWithoutMigratingTwice() {
        Path dir = tmp.resolve("data");
        try (LocalStore store = LocalStore.open(dir)) {
            new AuditLog(store, TestOperators.lead(clock), clock).append("test.one", "s", Map.of());
        }
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(new AuditLog(store, TestOperators.lead(clock), clock).verify(VerifyProgress.NONE).count()).isEqualTo(1);
        }
    }

    @Test
    void refusesADatabaseWrittenByANewerSchemaAndChangesNothing() throws Exception {
        Path dir = tmp.resolve("data");
        try (LocalStore store = LocalStore.open(dir)) {
            store.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                            + " \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\")"
                            + " VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'sa', CURRENT_TIMESTAMP, 1, TRUE)");
                }
                return null;
            });
        }
        String before = sha256(dir.resolve("gatehouse.mv.db"));
        assertThatThrownBy(() -> LocalStore.open(dir))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.NEWER_SCHEMA);
                    assertThat(e.kind()).isEqualTo(FailureKind.LOCAL_STORE);
                })
                .hasMessageContaining("newer Gatehouse")
                .hasMessageContaining("99");
        assertThat(sha256(dir.resolve("gatehouse.mv.db"))).isEqualTo(before);
        // the lock is released after a refused open
        assertThatThrownBy(() -> LocalStore.open(dir)).isInstanceOf(StoreException.class);
    }

    @Test
    void refusesAFileThatIsNotADatabaseAndLeavesItUntouched() throws Exception {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve("gatehouse.mv.db");
        Files.write(file, "this is not a database, it is a shopping list".repeat(100).getBytes());
        String before = sha256(file);
        assertThatThrownBy(() -> LocalStore.open(dir))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT))
                .hasMessageContaining("damaged")
                .hasMessageContaining("left untouched");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void refusesADatabaseWhoseBlocksAreDamagedAndLeavesItUntouched() throws Exception {
        Path dir = tmp.resolve("data");
        try (LocalStore store = LocalStore.open(dir)) {
            new AuditLog(store, TestOperators.lead(clock), clock).append("test.one", "s", Map.of());
        }
        Path file = dir.resolve("gatehouse.mv.db");
        byte[] bytes = Files.readAllBytes(file);
        // keep H2's header, overwrite every block after it
        for (int i = 8192; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        String before = sha256(file);
        assertThatThrownBy(() -> LocalStore.open(dir))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT));
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void refusesASecondStoreOnTheSameDirectoryInTheSameProcess() {
        Path dir = tmp.resolve("data");
        try (LocalStore first = LocalStore.open(dir)) {
            assertThatThrownBy(() -> LocalStore.open(dir))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.LOCKED))
                    .hasMessageContaining("Another Gatehouse console");
        }
        try (LocalStore again = LocalStore.open(dir)) {
            assertThat(again.directory()).isEqualTo(dir.toAbsolutePath());
        }
    }

    @Test
    void refusesADirectoryHeldByAnotherConsoleProcess() throws Exception {
        Path dir = tmp.resolve("data");
        try (ChildJvm child = ChildJvm.start(StoreChild.class, "hold", dir.toString())) {
            assertThat(child.readLine()).isEqualTo("open");
            assertThatThrownBy(() -> LocalStore.open(dir))
                    .isInstanceOfSatisfying(StoreException.class,
                            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.LOCKED));
            child.closeInput();
            assertThat(child.waitFor()).isZero();
        }
        try (LocalStore store = LocalStore.open(dir)) {
            assertThat(store.directory()).exists();
        }
    }

    @Test
    void refusesADataDirectoryOthersCanWrite() throws Exception {
        Path dir = tmp.resolve("shared");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> LocalStore.open(dir))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.INSECURE_DIRECTORY))
                .hasMessageContaining("chmod 700");
        assertThat(dir.resolve("gatehouse.mv.db")).doesNotExist();
    }

    @Test
    void commitsSurviveAProcessKilledRightAfterTheCallReturns() throws Exception {
        Path dir = tmp.resolve("data");
        try (ChildJvm child = ChildJvm.start(StoreChild.class, "crash", dir.toString(), "25")) {
            assertThat(child.readLine()).isEqualTo("committed");
            assertThat(child.waitFor()).isEqualTo(137);
        }
        try (LocalStore store = LocalStore.open(dir)) {
            var result = new AuditLog(store, TestOperators.lead(clock), clock).verify(VerifyProgress.NONE);
            assertThat(result.intact()).isTrue();
            assertThat(result.count()).isEqualTo(25);
        }
    }

    @Test
    void aFailedWriteRollsBackAndTheStoreKeepsWorking() {
        try (LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            AuditLog log = new AuditLog(store, TestOperators.lead(clock), clock);
            assertThatThrownBy(() -> store.write(c -> {
                log.appendIn(c, "test.partial", "s", Map.of(), null);
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            log.append("test.after", "s", Map.of());
            var result = log.verify(VerifyProgress.NONE);
            assertThat(result.intact()).isTrue();
            assertThat(result.count()).isEqualTo(1);
        }
    }

    @Test
    void writesQueuedTogetherCommitTogetherAndAFailingOneFailsAlone() throws Exception {
        try (LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            AuditLog log = new AuditLog(store, TestOperators.lead(clock), clock);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            // the writer waits here, so the writes below queue up and run as one group
            var blocker = store.writeAsync(c -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return "first";
            });
            java.util.List<java.util.concurrent.CompletableFuture<io.gatehouse.data.audit.AuditEntry>> appends = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                appends.add(store.writeAsync(c -> log.appendIn(c, "test.grouped", "s" + n, Map.of(), null)));
            }
            var failing = store.writeAsync(c -> {
                log.appendIn(c, "test.rolledBack", "s", Map.of(), null);
                throw new IllegalStateException("boom");
            });
            var badSql = store.writeAsync(c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeUpdate("UPDATE no_such_table SET x = 1");
                }
            });
            for (int i = 10; i < 20; i++) {
                int n = i;
                appends.add(store.writeAsync(c -> log.appendIn(c, "test.grouped", "s" + n, Map.of(), null)));
            }
            var nested = store.writeAsync(c -> store.write(inner -> log.appendIn(inner, "test.nested", "s", Map.of(), null)));
            release.countDown();

            assertThat(blocker.get()).isEqualTo("first");
            for (var append : appends) {
                assertThat(append.get()).isNotNull();
            }
            assertThat(nested.get()).isNotNull();
            assertThatThrownBy(failing::get).hasCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("boom");
            assertThatThrownBy(badSql::get).hasCauseInstanceOf(StoreException.class);
            var result = log.verify(VerifyProgress.NONE);
            assertThat(result.intact()).isTrue();
            assertThat(result.count()).as("20 grouped appends and the nested one; the failed write's append rolled back")
                    .isEqualTo(21);
        }
        // and they were committed: a fresh open sees them
        try (LocalStore again = LocalStore.open(tmp.resolve("data"))) {
            assertThat(new AuditLog(again, TestOperators.lead(clock), clock).verify(VerifyProgress.NONE).count())
                    .isEqualTo(21);
        }
    }

    @Test
    void aWriteQueuedAfterCloseFailsInsteadOfWaitingForever() {
        LocalStore store = LocalStore.open(tmp.resolve("data"));
        store.close();
        assertThatThrownBy(() -> store.writeAsync(c -> 1)).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    private static int latestMigration() throws Exception {
        try (var files = Files.list(Path.of(LocalStore.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
