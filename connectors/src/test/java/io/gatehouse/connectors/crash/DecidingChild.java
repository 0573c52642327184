package io.gatehouse.connectors.crash;

import io.gatehouse.connectors.caseapi.ApiKey;
import io.gatehouse.connectors.caseapi.CaseApiClient;
import io.gatehouse.connectors.caseapi.CaseApiDelivery;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionOptions;
import io.gatehouse.data.review.DecisionOutbox;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.OutboxSender;
import io.gatehouse.data.review.RetryPolicy;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.ReviewDesk;
import io.gatehouse.data.review.ReviewRules;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.time.Sleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * The analyst's side of the crash test, in its own JVM so it can be killed with SIGKILL: decides cases through
 * the real desk, outbox and sender, printing "committed CASE" once each decision is durable, then waits until
 * the outbox has delivered everything and prints "drained total=N". It stops deciding when the local outbox holds
 * DECISIONS entries or no undecided case waits for review. args: DATA_DIR SANDBOX_URL PROXY_URL DECISIONS
 */
public final class DecidingChild {
    private DecidingChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        URI sandbox = URI.create(args[1]);
        URI proxy = URI.create(args[2]);
        int wanted = Integer.parseInt(args[3]);
        InstantSource clock = InstantSource.system();
        try (LocalStore store = LocalStore.open(dataDir)) {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            DecisionOutbox outbox = new DecisionOutbox(store, clock);
            UpstreamClient reads = new UpstreamClient("Case API", HttpClients.standard(null), clock, Sleeper.system(),
                    RandomGenerator.of("L64X128MixRandom"), 3, Duration.ofSeconds(10));
            UpstreamClient writes = new UpstreamClient("Case API", HttpClients.standard(null), clock, Sleeper.system(),
                    RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(10));
            // short backoff: the test is about what survives, not about waiting politely
            OutboxSender sender = new OutboxSender(outbox, new CaseApiDelivery(writes, proxy, ApiKey.none()), clock,
                    new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(200), RandomGenerator.of("L64X128MixRandom")),
                    scheduler);
            LocalOperatorSession session = new LocalOperatorSession(new Operator("crash", "Crash Test",
                    Set.of(Role.ANALYST)), clock, c -> false);
            CaseApiClient queue = new CaseApiClient(reads, sandbox, ApiKey.none());
            ReviewDesk desk = new ReviewDesk(queue, store, new AuditLog(store, session, clock), outbox, sender, session,
                    clock, ReviewRules.defaults());
            int decided = outbox.counts().values().stream().mapToInt(Long::intValue).sum();
            String cursor = null;
            int index = 0;
            while (decided < wanted) {
                CasePage page = queue.list(CaseFilter.all().withStatus(CaseStatus.REVIEW).withLimit(100), cursor);
                for (ReviewCase c : page.cases()) {
                    if (decided >= wanted) {
                        break;
                    }
                    if (!outbox.forCase(c.id()).isEmpty()) {
                        continue; // decided before the crash; its delivery is the sender's business
                    }
                    DecisionAction action = index++ % 3 == 0 ? DecisionAction.DECLINE : DecisionAction.APPROVE;
                    DecisionResult result = desk.decide(c.id(), action, "crash test", DecisionOptions.none());
                    if (result instanceof DecisionResult.Queued) {
                        decided++;
                        System.out.println("committed " + c.id());
                        System.out.flush();
                    }
                }
                cursor = page.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (System.nanoTime() < deadline) {
                scheduler.submit(sender::drainDue).get();
                Map<DeliveryState, Long> counts = outbox.counts();
                if (counts.getOrDefault(DeliveryState.PENDING, 0L) == 0 && counts.getOrDefault(DeliveryState.SENT, 0L) == 0) {
                    break;
                }
                Thread.sleep(50);
            }
            Map<DeliveryState, Long> last = outbox.counts();
            System.out.println("drained total=" + last.values().stream().mapToLong(Long::longValue).sum() + " " + last);
            System.out.flush();
            sender.close();
            scheduler.shutdownNow();
        }
    }
}
