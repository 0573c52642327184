package io.gatehouse.bench;

import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.sandbox.scenario.ScenarioActivation;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;

/**
 * Heap used by the sandbox over a simulated week, day by day, after a full GC; with the argument
 * {@code attacks}, all four attack scenarios run all week. Run with a small heap, e.g. -Xmx256m.
 */
public final class SandboxWeekFootprint {
    private SandboxWeekFootprint() {
    }

    public static void main(String[] args) {
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        List<ScenarioActivation> scenarios = args.length > 0 && args[0].equals("attacks")
                ? Arrays.stream(AttackScenario.values()).map(ScenarioActivation::of).toList() : List.of();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long baseline = rt.totalMemory() - rt.freeMemory();
        long cpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long cpuInGc = 0;
        // A wall clock that never moves: the week is driven by advanceTo alone.
        SandboxOptions options = new SandboxOptions(0, 42, start, 1, InstantSource.fixed(Instant.EPOCH), scenarios,
                SandboxOptions.DEFAULT_MAX_CASES);
        try (SandboxServer sandbox = SandboxServer.start(options)) {
            for (int day = 1; day <= 7; day++) {
                sandbox.advanceTo(start.plus(Duration.ofDays(day)));
                long beforeGc = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                System.gc();
                cpuInGc += ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - beforeGc;
                long used = rt.totalMemory() - rt.freeMemory() - baseline;
                System.out.printf("day %d: %d cases stored, %.1f MiB heap after GC%n", day, sandbox.storedCases(),
                        used / 1048576.0);
            }
        }
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore - cpuInGc;
        System.out.printf("simulating the week took %.1f s of CPU on this thread%n", cpu / 1e9);
    }
}
