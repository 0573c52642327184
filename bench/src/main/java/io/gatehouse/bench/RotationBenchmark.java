package io.gatehouse.bench;

import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationOutcome;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full EC P-256 rotation on SoftHSM2, generate to active: key generation on the token, the
 * self-test signature, publishing to the sandbox's JWKS registry over HTTP, reading it back, and
 * the activation with its audit entries and signed heads, all committed to H2.
 *
 * <p>SoftHSM reads its configuration when the module loads, from the path in SOFTHSM2_CONF, which
 * must be set before the JVM starts: run with {@code SOFTHSM2_CONF=/tmp/gh-bench/softhsm2.conf}.
 * The set-up writes that file and a fresh token directory next to it. Between invocations the
 * previous version is retired and its key destroyed, so every rotation sees the same token size
 * and the same key set size.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RotationBenchmark {
    private static final String TOKEN = "bench";
    private static final String PIN = "1234";
    private static final String RING = "checkout-bench";

    private Path dir;
    private SandboxServer sandbox;
    private LocalStore store;
    private TokenSession token;
    private KeyCustody custody;
    private volatile Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("set SOFTHSM2_CONF to a writable path, e.g. /tmp/gh-bench/softhsm2.conf");
        }
        Path confFile = Path.of(conf).toAbsolutePath().normalize();
        // the token folder beside the file is wiped below: never let that be a real token store
        if (!confFile.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())) {
            throw new IllegalStateException("SOFTHSM2_CONF must point into the temporary directory (bench/run does this): "
                    + confFile);
        }
        Path tokens = confFile.resolveSibling("tokens");
        delete(tokens);
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin",
                "12345678", "--pin", PIN).redirectErrorStream(true).start();
        init.getInputStream().readAllBytes();
        if (init.waitFor() != 0) {
            throw new IllegalStateException("softhsm2-util --init-token failed");
        }
        dir = Files.createTempDirectory("gatehouse-rotation-bench");
        store = LocalStore.open(dir.resolve("data"));
        sandbox = SandboxServer.start(SandboxOptions.defaults(1, Instant.parse("2026-03-02T00:00:00Z")));
        InstantSource clock = () -> now;
        LocalOperatorSession custodian = new LocalOperatorSession(new Operator("bench", "bench",
                Set.of(Role.KEY_CUSTODIAN)), clock, candidate -> false);
        token = Pkcs11Modules.open(Path.of("/usr/lib/softhsm/libsofthsm2.so")).openSession(TOKEN, t -> PIN.toCharArray());
        UpstreamClient http = new UpstreamClient("JWKS registry", HttpClients.standard(null), InstantSource.system(),
                d -> { }, RandomGenerator.getDefault(), 1, Duration.ofSeconds(1));
        custody = new KeyCustody(store, new AuditLog(store, custodian, clock), custodian, token,
                new JwksRegistryClient(http, sandbox.baseUrl(), sandbox.adminToken()), clock);
        custody.createRing(KeyCustody.AUDIT_RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        custody.rotate(KeyCustody.AUDIT_RING);
        custody.createRing(RING, RotationPolicy.defaults(KeyAlgorithm.EC_P256));
        custody.rotate(RING);
    }

    /** Retires and destroys what the last rotation replaced, outside the measured time. */
    @Setup(Level.Invocation)
    public void retirePrevious() {
        now = now.plus(Duration.ofHours(2));
        KeyRing ring = custody.ring(RING).orElseThrow();
        for (KeyVersion v : ring.versions()) {
            if (v.state() == KeyVersionState.RETIRING) {
                custody.retire(RING, v.number());
                token.destroy(v.keyLabel());
            }
        }
    }

    @Benchmark
    public RotationOutcome rotateEcP256() {
        return custody.rotate(RING);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        token.close();
        sandbox.close();
        store.close();
        delete(dir);
    }

    private static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
