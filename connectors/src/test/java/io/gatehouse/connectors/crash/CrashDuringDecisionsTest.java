package io.gatehouse.connectors.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.connectors.sandbox.SandboxWorld;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.VerifyProgress;
import io.gatehouse.data.review.DecisionOutbox;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ChildJvm;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is lost when the app dies: an analyst process decides 1,000 cases through a network that refuses some
 * decisions and loses the answers to others, is killed with SIGKILL part way, and a new process on the same data
 * directory finishes the work. Every decision reported as committed reaches the sandbox exactly once.
 */
class CrashDuringDecisionsTest {
    private static final int DECISIONS = 1_000;
    private static final int KILL_AFTER = 100;

    @TempDir
    Path tmp;

    @Test
    void everyCommittedDecisionArrivesExactlyOnceAcrossAKill() throws Exception {
        ManualClock wall = ManualClock.at("2030-01-01T00:00:00Z");
        try (SandboxServer sandbox = SandboxServer.start(new SandboxOptions(0, 11, Instant.parse("2026-03-02T00:00:00Z"),
                1.0, wall, List.of(), SandboxOptions.DEFAULT_MAX_CASES));
                FlakyProxy proxy = new FlakyProxy(sandbox.baseUrl(), 4711)) {
            Path data = tmp.resolve("data");
            String[] args = {data.toString(), sandbox.baseUrl().toString(), proxy.baseUrl().toString(),
                    Integer.toString(DECISIONS)};
            // the simulated team decides what waits longer than its SLA, so a few hundred cases wait at a time; the
            // clock moves on only between phases, when nothing of ours is left undelivered
            wall.advance(Duration.ofHours(12)); // mid-morning: the day's traffic has begun
            sandbox.tick();

            Set<String> committed = new LinkedHashSet<>();
            try (ChildJvm first = ChildJvm.start(DecidingChild.class, args)) {
                String line;
                while (committed.size() < KILL_AFTER && (line = first.readLine()) != null) {
                    if (line.startsWith("committed ")) {
                        committed.add(line.substring("committed ".length()));
                    }
                }
            } // close() is SIGKILL: no shutdown hook, no flush, no goodbye
            assertThat(committed).hasSize(KILL_AFTER);

            long total = 0;
            for (int phase = 0; phase < 24 && total < DECISIONS; phase++) {
                if (phase > 0) {
                    wall.advance(SandboxWorld.TEAM_SLA.plusMinutes(5));
                    sandbox.tick();
                }
                try (ChildJvm next = ChildJvm.start(DecidingChild.class, args)) {
                    String line;
                    while ((line = next.readLine()) != null) {
                        if (line.startsWith("committed ")) {
                            assertThat(committed.add(line.substring("committed ".length())))
                                    .as("a case decided twice locally: " + line).isTrue();
                        } else if (line.startsWith("drained total=")) {
                            total = Long.parseLong(line.substring("drained total=".length()).split(" ")[0]);
                            assertThat(line).as("everything delivered before the clock moves on")
                                    .contains("PENDING=0").contains("SENT=0").contains("CONFLICT=0").contains("FAILED=0");
                        }
                    }
                    assertThat(next.waitFor()).isZero();
                }
            }
            assertThat(total).isEqualTo(DECISIONS);
            // the kill can land after a commit and before its line was read: count what the store holds
            Map<String, Integer> decidedUpstream = decisionEvents(sandbox.baseUrl());
            decidedUpstream.keySet().retainAll(outboxCases(data, wall));
            try (LocalStore store = LocalStore.open(data)) {
                DecisionOutbox outbox = new DecisionOutbox(store, wall);
                Map<DeliveryState, Long> counts = outbox.counts();
                assertThat(counts).containsEntry(DeliveryState.CONFIRMED, (long) DECISIONS)
                        .containsEntry(DeliveryState.PENDING, 0L).containsEntry(DeliveryState.SENT, 0L)
                        .containsEntry(DeliveryState.CONFLICT, 0L).containsEntry(DeliveryState.FAILED, 0L);
                for (String caseId : committed) {
                    List<OutboxEntry> entries = outbox.forCase(caseId);
                    assertThat(entries).as(caseId).hasSize(1);
                    assertThat(decidedUpstream.get(caseId)).as("decisions upstream for " + caseId).isEqualTo(1);
                }
                assertThat(decidedUpstream.values()).allMatch(n -> n == 1);
                assertThat(decidedUpstream).hasSize(DECISIONS);
                assertThat(new AuditLog(store, TestOperators.lead(wall), wall).verify(VerifyProgress.NONE).intact()).isTrue();
            }
            assertThat(committed.size()).isBetween(DECISIONS - 1, DECISIONS);
            assertThat(proxy.refused.get()).as("decisions refused by the network").isPositive();
            assertThat(proxy.answersLost.get()).as("decisions applied whose answer was lost").isPositive();
        }
    }

    /** The cases this console decided, from its own outbox. */
    private static Set<String> outboxCases(Path data, ManualClock clock) throws Exception {
        try (LocalStore store = LocalStore.open(data)) {
            return store.read(c -> {
                Set<String> ids = new java.util.HashSet<>();
                try (var s = c.prepareStatement("SELECT case_id FROM decision_outbox"); var r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getString(1));
                    }
                }
                return ids;
            });
        }
    }

    /** How many times each case was decided, from the sandbox's own event feed. */
    private static Map<String, Integer> decisionEvents(URI base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> decided = new HashMap<>();
        String after = "0";
        while (true) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/v1/events?limit=1000&after=" + after))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode page = json.readTree(response.body());
            for (JsonNode event : page.get("data")) {
                if (event.get("type").asText().equals("case.decided")) {
                    decided.merge(event.get("case_id").asText(), 1, Integer::sum);
                }
            }
            if (!page.path("has_more").asBoolean()) {
                return decided;
            }
            after = page.get("next_cursor").asText();
        }
    }
}
