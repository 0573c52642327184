package io.gatehouse.bench;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.ChainVerification;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit chain's two costs: appending a durable entry (one committed transaction each) and
 * verifying a chain of a given length.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class AuditChainBenchmark {
    @Param({"10000"})
    int chainLength;

    private Path dir;
    private LocalStore store;
    private AuditLog log;
    private int counter;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("gatehouse-bench");
        store = LocalStore.open(dir.resolve("data"));
        Operator operator = new Operator("bench", "Bench", Set.of(Role.LEAD));
        log = new AuditLog(store, new LocalOperatorSession(operator, InstantSource.system(), p -> false), InstantSource.system());
        for (int i = 0; i < chainLength; i++) {
            int n = i;
            store.write(c -> log.appendIn(c, "case.decided", "case/" + n, Map.of("decision", "approve"), null));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One durable append: the decision path's audit cost. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object appendDurably() {
        return log.append("case.decided", "case/x" + counter++, Map.of("decision", "approve", "reason", "bench"));
    }

    /** A full verification of the chain (grows by the appends above during the trial). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ChainVerification verifyChain() {
        return log.verify(VerifyProgress.NONE);
    }
}
