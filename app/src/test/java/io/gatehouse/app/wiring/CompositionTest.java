package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositionTest {
    @TempDir
    Path tmp;

    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-26T15:00:00Z"));

    @Test
    void aStartThatFailsAfterTheStoreOpenedReleasesIt() throws Exception {
        AppDirectories dirs = new AppDirectories(tmp.resolve("absent.yaml"), tmp.resolve("data"));
        try (Composition first = Composition.open(dirs, clock)) {
            assertThat(first.store().directory()).exists();
        }
        // the configuration audit's table goes missing behind the console's back: the open fails after the store is open
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + tmp.resolve("data").resolve("gatehouse"));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE config_snapshot");
            s.execute("SHUTDOWN");
        }
        Throwable failed = catchThrowable(() -> Composition.open(dirs, clock));
        assertThat(failed).isInstanceOf(RuntimeException.class).hasMessageContaining("CONFIG_SNAPSHOT");
        // a retry meets the same fault, not the directory lock its own failed attempt still holds
        Throwable retry = catchThrowable(() -> Composition.open(dirs, clock));
        assertThat(retry).isExactlyInstanceOf(failed.getClass()).hasMessage(failed.getMessage());
        try (LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            assertThat(store.directory()).exists();
        }
    }
}
