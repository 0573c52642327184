package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.app.wiring.ConsoleConnections;
import io.gatehouse.data.audit.AuditEntry;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.connections.CheckOutcome;
import io.gatehouse.data.connections.ConnectionEdit;
import io.gatehouse.data.health.HealthMonitor;
import io.gatehouse.data.secrets.SecretStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.views.common.BackgroundJob;
import io.gatehouse.views.common.JobHandle;
import io.gatehouse.views.common.TaskExecutor;
import io.gatehouse.views.connections.ConnectionRow;
import io.gatehouse.views.connections.ConnectionsViewModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants a connection secret, rotates it through the Connections view model over the real wiring
 * (once refused for a stale proof, once done), tests and edits the connection, then searches the
 * log, the H2 file, the secret store, the configuration file, every notice and every exception
 * chain for both the old and the new value.
 */
class ConnectionSecretRotationHygieneTest {
    private static final String OLD = "sk_live_OLD_PLANTED_1a2b3c4d";
    private static final String NEW = "sk_live_NEW_PLANTED_9z8y7x6w";

    @TempDir
    Path tmp;

    /** Runs everything on the calling thread, as the view-model tests do. */
    private static final class InlineTasks implements TaskExecutor {
        @Override
        public <T> JobHandle run(BackgroundJob<T> job, Consumer<? super T> onDone, Consumer<Throwable> onFailed) {
            T result;
            try {
                result = job.run(null);
            } catch (Throwable e) {
                onFailed.accept(e);
                return null;
            }
            onDone.accept(result);
            return null;
        }

        @Override
        public void onUi(Runnable update) {
            update.run();
        }
    }

    @Test
    void neitherTheOldNorTheNewValueAppearsAnywhere() throws Exception {
        Path config = tmp.resolve("config/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, """
                operator: alice
                operators:
                  - {id: alice, name: Alice, roles: [lead]}
                profile: staging
                profiles:
                  staging:
                    caseApi: {url: "http://127.0.0.1:9/v1", apiKeySecret: case-api-key}
                review: {source: caseApi}
                """);
        AppDirectories dirs = new AppDirectories(config, tmp.resolve("data"));
        ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
        List<String> said = new ArrayList<>();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (Composition composition = Composition.open(dirs, clock)) {
            SecretStore secrets = composition.secrets().unlock("the passphrase".toCharArray());
            secrets.put("case-api-key", OLD.toCharArray());
            ConsoleConnections port = new ConsoleConnections(composition, null, clock);
            List<Throwable> errors = new ArrayList<>();
            ConnectionsViewModel vm = new ConnectionsViewModel(new HealthMonitor(List.of(), scheduler, clock,
                    Duration.ofHours(1)), new InlineTasks(), errors::add, port, () -> true);
            vm.noticeProperty().addListener((obs, old, now) -> said.add(String.valueOf(now)));
            vm.follow();
            ConnectionRow caseApi = vm.rows().getFirst();
            assertThat(caseApi.entry().secretName()).isEqualTo("case-api-key");

            // no fresh proof yet: refused, and the array is wiped all the same
            char[] first = NEW.toCharArray();
            vm.rotateSecret(caseApi, first);
            assertThat(first).containsOnly('\0');
            assertThat(vm.noticeProperty().get().problem()).isTrue();
            try (var secret = secrets.get("case-api-key").orElseThrow()) {
                assertThat(new String(secret.chars())).isEqualTo(OLD);
            }

            try {
                port.rotateSecret("caseApi", "case-api-key", NEW.toCharArray());
            } catch (RuntimeException e) {
                said.add(chain(e));
            }
            composition.session().proveWithPassphrase("the passphrase".toCharArray());
            char[] second = NEW.toCharArray();
            vm.rotateSecret(vm.rows().getFirst(), second);
            assertThat(second).containsOnly('\0');
            assertThat(vm.noticeProperty().get().key()).isEqualTo("connections.rotated");
            try (var secret = secrets.get("case-api-key").orElseThrow()) {
                assertThat(new String(secret.chars())).isEqualTo(NEW);
            }
            AuditEntry rotated = composition.auditLog().find(AuditQuery.latest(1)).getFirst();
            assertThat(rotated.action()).isEqualTo("secret.rotated");
            assertThat(rotated.subject()).isEqualTo("secret/case-api-key");

            // a test sends the new key to a port where nothing listens: the failure names no key
            vm.test(vm.rows().getFirst());
            assertThat(vm.rows().getFirst().lastCheck().outcome()).isEqualTo(CheckOutcome.UNREACHABLE);
            // an edit rewrites the configuration file: only the secret's name may be in it
            vm.edit(vm.rows().getFirst(), new ConnectionEdit(URI.create("http://127.0.0.1:10/v1"), null, List.of()));
            assertThat(vm.noticeProperty().get().key()).isEqualTo("connections.edited");
            vm.edit(vm.rows().getFirst(), new ConnectionEdit(URI.create("http://cases.example.com/v1"), null, List.of()));
            assertThat(vm.noticeProperty().get().key()).isEqualTo("connections.refused");
            assertThat(errors).isEmpty();
            for (Throwable e : errors) {
                said.add(chain(e));
            }
        } finally {
            System.setErr(originalErr);
            scheduler.shutdownNow();
        }
        said.add(stderr.toString(StandardCharsets.UTF_8));

        assertThat(new ConfigLoader().load(config).activeProfile().caseApi().url()).hasToString("http://127.0.0.1:10/v1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("data")))).isEqualTo("rwx------");
        assertThat(said).noneMatch(m -> m.contains(OLD) || m.contains(NEW));
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(tmp.resolve("data")), Files.walk(config.getParent()))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"))
                .anyMatch(f -> f.getFileName().toString().equals("secrets.json"))
                .anyMatch(f -> f.getFileName().toString().endsWith(".log"))
                .contains(config);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (String planted : List.of(OLD, NEW)) {
                for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                    assertThat(indexOf(bytes, planted.getBytes(charset))).as(file + " in " + charset).isEqualTo(-1);
                }
            }
        }
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
