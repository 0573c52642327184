package io.gatehouse.bench.desk;

import io.gatehouse.connectors.caseapi.ApiKey;
import io.gatehouse.connectors.caseapi.CaseApiClient;
import io.gatehouse.connectors.caseapi.CaseApiDelivery;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionOutbox;
import io.gatehouse.data.review.OutboxSender;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.ReviewDesk;
import io.gatehouse.data.review.ReviewRules;
import io.gatehouse.data.review.mirror.CaseMirror;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.time.Sleeper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The review desk's benchmark: first pages from the local mirror over a generated store (1,000,000
 * cases by default), the heap of that query path, and decisions against the sandbox on loopback,
 * each beside the plain-JDBC or bare-call baseline on the same data, as a ratio.
 *
 * <p>usage: DeskBench [--smoke] [--rows N]   (bench/desk runs it; --smoke uses 20,000 cases and few samples)
 */
public final class DeskBench {
    private static final Instant SANDBOX_START = Instant.parse("2026-03-02T00:00:00Z");

    private DeskBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        int rows = smoke ? 20_000 : 1_000_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--rows")) {
                rows = Integer.parseInt(args[i + 1]);
            }
        }
        // 40 samples a query, so p95 is the second slowest rather than simply the slowest of ten
        int reps = smoke ? 3 : 40;
        int naiveReps = 1;
        int roundTrips = smoke ? 40 : 400;
        int bulk = Integer.getInteger("bench.bulk", smoke ? 300 : 1_000);
        Path dir = Files.createTempDirectory("gatehouse-desk-bench");
        AtomicReference<Instant> sandboxWall = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
        InstantSource wall = sandboxWall::get;
        SandboxServer sandbox = SandboxServer.start(new SandboxOptions(0, 42, SANDBOX_START, 1.0, wall, List.of(),
                SandboxOptions.DEFAULT_MAX_CASES));
        sandboxWall.set(sandboxWall.get().plus(Duration.ofHours(3)));
        sandbox.tick();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (LocalStore store = LocalStore.open(dir)) {
            System.out.printf(Locale.ROOT, "generating %,d cases into %s%n", rows, dir);
            long[] fill = SyntheticQueue.fill(store, rows, 42);
            System.out.printf(Locale.ROOT, "  rows loaded in %,d ms, mirror indexes built in %,d ms, file %,d MB%n",
                    fill[0], fill[1], Files.size(store.databaseFile()) >> 20);
            CaseMirror mirror = new CaseMirror(store);
            store.write(c -> {
                mirror.switchUpstreamIn(c, "bench");
                mirror.saveStateIn(c, 0L, 1, Instant.now());
                return null;
            });
            InstantSource clock = InstantSource.system();
            UpstreamClient upstream = new UpstreamClient("Case API", HttpClients.standard(null), clock, Sleeper.system(),
                    RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(10));
            CaseApiClient client = new CaseApiClient(upstream, sandbox.baseUrl(), ApiKey.none());
            CaseApiDelivery delivery = new CaseApiDelivery(upstream, sandbox.baseUrl(), ApiKey.none());
            LocalOperatorSession session = new LocalOperatorSession(new Operator("bench-analyst", "Bench Analyst",
                    Set.of(Role.LEAD)), clock, candidate -> false);
            DecisionOutbox outbox = new DecisionOutbox(store, clock);
            // as the console wires it: eight decisions on their way at once
            OutboxSender sender = new OutboxSender(outbox, delivery, clock,
                    RetryPolicy.standard(RandomGenerator.of("L64X128MixRandom")), scheduler, 8);
            ReviewDesk desk = new ReviewDesk(client, store, new AuditLog(store, session, clock), outbox, sender,
                    session, clock, ReviewRules.defaults(), mirror);

            List<CasePage> held = new ArrayList<>();
            long cold = System.nanoTime();
            held.add(desk.list(Scenario.all().getFirst().filter(), Scenario.all().getFirst().sort(), null));
            double coldMs = (System.nanoTime() - cold) / 1e6;
            // one pass unmeasured: each query's index pages come from the file once, as on an analyst's
            // first look at each view; the cold first page above is reported on its own
            measure(store, 1, s -> desk.list(s.filter(), s.sort(), null));
            Map<Scenario, List<Double>> desks = measure(store, reps, s -> held.add(desk.list(s.filter(), s.sort(), null)));
            NaiveQueries.createIndexes(store);
            Map<Scenario, List<Double>> naive = measure(store, naiveReps,
                    s -> NaiveQueries.firstPage(store, s.filter(), s.sort()));
            report(coldMs, desks, naive);

            long heap = usedHeapAfterGc();
            System.out.printf(Locale.ROOT, "%n(b) heap used after GC, %,d-case store open, %d pages held: %.1f MB"
                    + " (max heap %.0f MB)%n", rows, held.size(), heap / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);

            List<String> review = client.list(CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit(200), null)
                    .cases().stream().map(ReviewCase::id).toList();
            DecisionPath.bareCalls(client, review, 50);
            DecisionPath.roundTrips(desk, outbox, review, 50);
            List<Double> bare = DecisionPath.bareCalls(client, review, roundTrips);
            List<Double> trips = DecisionPath.roundTrips(desk, outbox, review, roundTrips);
            System.out.printf(Locale.ROOT, "%n(c) decision round trip on loopback, %d decisions on %d sandbox cases:%n",
                    roundTrips, review.size());
            System.out.printf(Locale.ROOT, "    desk (decide -> audit+outbox commit -> sandbox ack -> confirmed):"
                    + " p50 %.2f ms, p99 %.2f ms%n", Percentiles.of(trips, 50), Percentiles.of(trips, 99));
            System.out.printf(Locale.ROOT, "    bare Case API call, no audit or outbox:                          "
                    + " p50 %.2f ms, p99 %.2f ms   ratio desk/bare p99 %.2f%n", Percentiles.of(bare, 50),
                    Percentiles.of(bare, 99), Percentiles.of(trips, 99) / Percentiles.of(bare, 99));
            sender.close();

            // one unmeasured round of each first, as a console that has been delivering for a while is compiled:
            // the first thousand decisions otherwise share the two cores with the JIT compiler
            double coldRate = DecisionPath.outboxRate(store, outbox, delivery, clock, review, bulk);
            DecisionPath.bareRate(delivery, review, bulk);
            double rate = DecisionPath.outboxRate(store, outbox, delivery, clock, review, bulk);
            double bareRate = DecisionPath.bareRate(delivery, review, bulk);
            System.out.printf(Locale.ROOT, "%n(d) outbox, first round (code still being compiled): %.0f decisions/s%n",
                    coldRate);
            System.out.printf(Locale.ROOT, "    outbox delivery of %d waiting decisions to the sandbox: %.0f decisions/s;"
                    + " bare calls %.0f/s; ratio %.2f%n", bulk, rate, bareRate, rate / bareRate);
        } finally {
            scheduler.shutdownNow();
            sandbox.close();
            deleteTree(dir);
        }
    }

    private static Map<Scenario, List<Double>> measure(LocalStore store, int reps,
            java.util.function.Consumer<Scenario> query) {
        Map<Scenario, List<Double>> out = new LinkedHashMap<>();
        long touch = 1;
        for (int rep = 0; rep < reps; rep++) {
            for (Scenario s : Scenario.all()) {
                touch = invalidate(store, touch);
                long t0 = System.nanoTime();
                query.accept(s);
                out.computeIfAbsent(s, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e6);
            }
        }
        return out;
    }

    /**
     * A write between samples, as the sync makes all day: H2 reuses a query's last result while
     * nothing changed, which would time a cache rather than the query.
     */
    private static long invalidate(LocalStore store, long row) {
        store.write(c -> {
            try (var s = c.prepareStatement("UPDATE case_mirror SET updated_ms = updated_ms + 1 WHERE row_id = ?")) {
                s.setLong(1, row);
                return s.executeUpdate();
            }
        });
        return row + 7919;
    }

    private static void report(double coldMs, Map<Scenario, List<Double>> desks, Map<Scenario, List<Double>> naive) {
        System.out.printf(Locale.ROOT, "%n(a) first page of 50, desk (mirror, keyset on covering indexes) vs plain JDBC"
                + " (ORDER BY + LIMIT/OFFSET, simple composite indexes)%n");
        System.out.printf(Locale.ROOT, "    cold first page right after opening the store: %.1f ms%n", coldMs);
        System.out.printf(Locale.ROOT, "    %-8s %-42s %10s %10s %12s %9s%n", "step", "query", "desk p50", "desk p95",
                "jdbc median", "ratio");
        for (Scenario s : desks.keySet()) {
            double p95 = Percentiles.of(desks.get(s), 95);
            double jdbc = Percentiles.of(naive.get(s), 50);
            System.out.printf(Locale.ROOT, "    %-8s %-42s %8.2f ms %8.2f ms %9.1f ms %8.0fx%n", s.step(), s.name(),
                    Percentiles.of(desks.get(s), 50), p95, jdbc, jdbc / p95);
        }
        for (String step : List.of("open", "filter", "sort")) {
            List<Double> d = desks.entrySet().stream().filter(e -> e.getKey().step().equals(step))
                    .flatMap(e -> e.getValue().stream()).toList();
            List<Double> n = naive.entrySet().stream().filter(e -> e.getKey().step().equals(step))
                    .flatMap(e -> e.getValue().stream()).toList();
            System.out.printf(Locale.ROOT, "    %-8s all: desk p95 %.2f ms, plain JDBC p95 %.1f ms, ratio %.0fx%n", step,
                    Percentiles.of(d, 95), Percentiles.of(n, 95), Percentiles.of(n, 95) / Percentiles.of(d, 95));
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
