package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key ring commands in child JVMs, against a private SoftHSM2 token and the sandbox (started in
 * this JVM) as the JWKS registry. The PIN goes in on descriptor 3; the registry token in the
 * environment.
 */
class KeyRingCommandsTest {
    private static final String MODULE = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String PIN = "1357";
    private static final String TOKEN = "ring-token";

    @TempDir
    static Path dir;

    private static Path conf;
    private static SandboxServer sandbox;


    @BeforeAll
    static void start() throws Exception {
        assertThat(Path.of(MODULE)).as("SoftHSM2 module (apt-get install softhsm2)").isRegularFile();
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        conf = dir.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin",
                "24681357", "--pin", PIN).redirectErrorStream(true);
        init.environment().put("SOFTHSM2_CONF", conf.toString());
        Process p = init.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        sandbox = SandboxServer.start(SandboxOptions.defaults(3, Instant.parse("2026-03-02T00:00:00Z")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String[] withToken(String registry, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--module", MODULE, "--token-label", TOKEN, "--pin-fd", "3", "--registry", registry));
        return all.toArray(String[]::new);
    }

    @Test
    void rotateRetireListAndExportThroughTheCommandLine() throws Exception {
        String registry = sandbox.baseUrl().toString();
        ChildGatehouse.Run empty = gatehouse(true, "keys", "rings");
        assertThat(empty.exit()).as(empty.err()).isZero();
        assertThat(empty.out()).contains("No key rings yet");

        ChildGatehouse.Run audit = gatehouse(true, withToken(registry, "keys", "rotate", "audit-chain", "--create"));
        assertThat(audit.exit()).as(audit.err()).isZero();
        ChildGatehouse.Run first = gatehouse(true, withToken(registry, "keys", "rotate", "checkout", "--create", "--json"));
        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode v1 = new ObjectMapper().readTree(first.out()).get("active");
        assertThat(v1.get("version").asInt()).isEqualTo(1);
        assertThat(v1.get("state").asText()).isEqualTo("active");

        ChildGatehouse.Run down = gatehouse(true, withToken("http://127.0.0.1:1/", "keys", "rotate", "checkout"));
        assertThat(down.exit()).isEqualTo(ExitCode.UPSTREAM);
        // SLF4J's "no providers" notice comes from the test classpath, not from Gatehouse
        assertThat(down.err().lines().filter(l -> !l.startsWith("SLF4J("))).hasSize(1);
        assertThat(down.err()).contains("stopped before step published", "Version 1 stays primary")
                .doesNotContain(sandbox.adminToken());

        ChildGatehouse.Run resumed = gatehouse(true, withToken(registry, "keys", "rotate", "checkout"));
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Resumed the interrupted rotation after step self-tested")
                .contains("Version 2 of ring 'checkout' is primary")
                .contains("Version 1 is verify-only until").contains("gatehouse keys retire checkout 1");

        ChildGatehouse.Run early = gatehouse(true, withToken(registry, "keys", "retire", "checkout", "1"));
        assertThat(early.exit()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(early.err()).contains("is retiring until");

        ChildGatehouse.Run rings = gatehouse(true, "keys", "rings", "--json");
        assertThat(rings.exit()).as(rings.err()).isZero();
        JsonNode checkout = null;
        for (JsonNode ring : new ObjectMapper().readTree(rings.out())) {
            if (ring.get("name").asText().equals("checkout")) {
                checkout = ring;
            }
        }
        assertThat(checkout).isNotNull();
        assertThat(checkout.get("gracePeriod").asText()).isEqualTo("PT1H10M");
        assertThat(checkout.get("versions").findValuesAsText("state")).containsExactly("retiring", "active");
        assertThat(gatehouse(true, "keys", "rings").out()).contains("Ring 'checkout'", "grace 70min", "retiring");

        ChildGatehouse.Run export = gatehouse(true, "keys", "export-jwks");
        assertThat(export.exit()).as(export.err()).isZero();
        Set<String> exported = kids(export.out());
        assertThat(exported).hasSize(3).isEqualTo(kids(served()));

        // for a web server that serves the set as a static file: replaced whole, never written in place
        Path jwksFile = dir.resolve("jwks.json");
        java.nio.file.Files.writeString(jwksFile, "{\"keys\":[]}");
        ChildGatehouse.Run toFile = gatehouse(true, "keys", "export-jwks", "--out", jwksFile.toString());
        assertThat(toFile.exit()).as(toFile.err()).isZero();
        assertThat(toFile.out()).contains("Wrote 3 keys to " + jwksFile);
        assertThat(kids(java.nio.file.Files.readString(jwksFile))).isEqualTo(exported);
        try (var left = java.nio.file.Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        ChildGatehouse.Run nowhere = gatehouse(true, "keys", "export-jwks", "--out",
                dir.resolve("no-such-dir").resolve("jwks.json").toString());
        assertThat(nowhere.exit()).isEqualTo(ExitCode.LOCAL_STORE);
        assertThat(nowhere.err()).contains("Could not write the JWKS to").contains("unchanged");

        ChildGatehouse.Run due = gatehouse(true, "keys", "destroy-due");
        assertThat(due.out()).contains("No version is due for destruction.");

        ChildGatehouse.Run verify = gatehouse(true, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("Audit chain intact").containsPattern("Signed heads: \\d+ verified");

        ChildGatehouse.Run noSecret = gatehouse(false, withToken(registry, "keys", "rotate", "checkout"));
        assertThat(noSecret.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noSecret.err()).contains("GATEHOUSE_JWKS_ADMIN_TOKEN");
    }

    private static Set<String> kids(String jwks) throws IOException {
        Set<String> kids = new HashSet<>();
        new ObjectMapper().readTree(jwks).get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        return kids;
    }

    private static String served() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + ".well-known/jwks.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** Runs the launcher in a child JVM, the PIN on descriptor 3 and, when asked, the registry's token. */
    private static ChildGatehouse.Run gatehouse(boolean registryToken, String... args) throws IOException, InterruptedException {
        return ChildGatehouse.run(dir, conf, PIN, registryToken
                ? java.util.Map.of("GATEHOUSE_JWKS_ADMIN_TOKEN", sandbox.adminToken()) : java.util.Map.of(), args);
    }
}
