package io.gatehouse.connectors.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.audit.AuditHeads;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyRingView;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.TestOperators;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real loss of the token mid-rotation: a console in its own JVM has generated the new key when the token's
 * directory disappears from under the SoftHSM2 module (the way a card leaves its reader). The rotation stops
 * with a clear error, the ring keeps its primary and the served key set is untouched; once the token is back,
 * a restarted console resumes the rotation, or rolls it back, with nothing lost.
 */
class ModuleLossTest {
    private static final String TOKEN = "loss";

    @TempDir
    Path tmp;

    @Test
    void theTokenVanishesAfterGenerateThenTheRotationResumesAndAnotherRollsBack() throws Exception {
        Path tokens = Files.createDirectories(tmp.resolve("tokens"));
        Path conf = tmp.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        tool(conf, "softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", SoftHsm.SO_PIN, "--pin",
                SoftHsm.PIN);
        Path data = tmp.resolve("data");
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults(5, Instant.parse("2026-03-02T00:00:00Z")))) {
            String ring = "checkout-loss";
            List<String> lost = loseTokenMidRotation(conf, tokens, data, sandbox, ring);
            assertThat(lost.getFirst()).startsWith("interrupted: ").contains("stopped before step self tested")
                    .contains("Version 1 stays primary");
            assertThat(lost.get(1)).isEqualTo("active v1; pending v2 after GENERATED");
            Set<String> servedWhileLost = served(sandbox.baseUrl());
            try (LocalStore store = LocalStore.open(data)) {
                KeyRing r = view(store).ring(ring).orElseThrow();
                assertThat(servedWhileLost).containsExactly(r.active().orElseThrow().kid());
                assertThat(new AuditLog(store, alice(), InstantSource.system())
                        .find(new AuditQuery(null, "key.rotation.failed", null, null, null, 5)).getFirst().details())
                        .containsEntry("failedStep", "SELF_TESTED").containsEntry("primary", "v1");
            }

            assertThat(child(conf, data, sandbox, ring, "resume")).containsExactly("resumed from GENERATED; active v2");
            try (LocalStore store = LocalStore.open(data)) {
                KeyRing r = view(store).ring(ring).orElseThrow();
                assertThat(r.versions()).extracting(KeyVersion::state)
                        .containsExactly(KeyVersionState.RETIRING, KeyVersionState.ACTIVE);
                assertThat(served(sandbox.baseUrl())).containsExactlyInAnyOrderElementsOf(
                        r.versions().stream().map(KeyVersion::kid).toList());
            }

            List<String> lostAgain = loseTokenMidRotation(conf, tokens, data, sandbox, ring);
            assertThat(lostAgain.get(1)).isEqualTo("active v2; pending v3 after GENERATED");
            assertThat(child(conf, data, sandbox, ring, "roll-back")).containsExactly("rolled back v3");
            try (LocalStore store = LocalStore.open(data)) {
                KeyRing r = view(store).ring(ring).orElseThrow();
                assertThat(r.active().orElseThrow().number()).isEqualTo(2);
                assertThat(r.pending()).isEmpty();
                assertThat(r.version(3).orElseThrow().state()).isEqualTo(KeyVersionState.DESTROYED);
                assertThat(served(sandbox.baseUrl())).containsExactlyInAnyOrder(r.version(1).orElseThrow().kid(),
                        r.version(2).orElseThrow().kid());
                LocalOperatorSession alice = alice();
                assertThat(new AuditLog(store, alice, InstantSource.system()).verify(VerifyProgress.NONE).intact()).isTrue();
                assertThat(new AuditHeads(store, alice, InstantSource.system()).verify().ok()).isTrue();
            }
            String keys = tool(conf, "pkcs11-tool", "--module", SoftHsm.MODULE.toString(), "--token-label", TOKEN,
                    "--login", "--pin", SoftHsm.PIN, "--list-objects", "--type", "privkey");
            assertThat(keys).contains(ring + "-v1", ring + "-v2").doesNotContain(ring + "-v3");
        }
    }

    /** Runs the "lose" child: when it has generated the key, the token's directory is moved away, then back after. */
    private List<String> loseTokenMidRotation(Path conf, Path tokens, Path data, SandboxServer sandbox, String ring)
            throws Exception {
        Process child = start(conf, data, sandbox, ring, "lose");
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("generated");
        Path tokenDir;
        try (Stream<Path> dirs = Files.list(tokens)) {
            tokenDir = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        Path away = tmp.resolve("away");
        Files.move(tokenDir, away);
        try (Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            in.write("go\n");
        }
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Files.move(away, tokenDir);
        assertThat(child.exitValue()).as(lines.toString()).isZero();
        return lines;
    }

    private List<String> child(Path conf, Path data, SandboxServer sandbox, String ring, String mode) throws Exception {
        Process child = start(conf, data, sandbox, ring, mode);
        child.getOutputStream().close();
        List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(lines.toString()).isZero();
        return lines;
    }

    private static Process start(Path conf, Path data, SandboxServer sandbox, String ring, String mode) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ModuleLossChild.class.getName(), data.toString(), sandbox.baseUrl().toString(), sandbox.adminToken(),
                TOKEN, ring, mode).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        return builder.start();
    }

    private static LocalOperatorSession alice() {
        return TestOperators.session(InstantSource.system(), Role.KEY_CUSTODIAN);
    }

    private static KeyRingView view(LocalStore store) {
        return new KeyRingView(store, alice(), InstantSource.system());
    }

    private static Set<String> served(URI base) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            String body = client.send(HttpRequest.newBuilder(base.resolve(".well-known/jwks.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Set<String> kids = new HashSet<>();
            for (JsonNode key : new ObjectMapper().readTree(body).get("keys")) {
                kids.add(key.get("kid").asText());
            }
            return kids;
        }
    }

    private static String tool(Path conf, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
