package io.gatehouse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.app.cli.ExitCode;
import io.gatehouse.connectors.caseapi.ApiKey;
import io.gatehouse.connectors.caseapi.CaseApiClient;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.sandbox.SandboxOptions;
import io.gatehouse.connectors.sandbox.SandboxServer;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CaseStatus;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionOutbox;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.FourEyesPolicy;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gatehouse queue} in-process, against a sandbox configured as the profile's Case API. */
class QueueCommandTest {
    private static final ManualClock WALL = ManualClock.at("2030-01-01T00:00:00Z");
    private static SandboxServer sandbox;
    private static CaseApiClient upstream;

    @TempDir
    Path tmp;

    private StringWriter out;
    private StringWriter err;
    private Path config;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(new SandboxOptions(0, 42, Instant.parse("2026-03-02T00:00:00Z"), 1.0, WALL,
                List.of(), SandboxOptions.DEFAULT_MAX_CASES));
        WALL.advance(Duration.ofHours(2));
        sandbox.tick();
        upstream = new CaseApiClient(new UpstreamClient("Case API", HttpClients.standard(null), WALL, d -> { },
                RandomGenerator.of("L64X128MixRandom"), 1, Duration.ofSeconds(1)), sandbox.baseUrl(), ApiKey.none());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void writeConfig() throws Exception {
        config = tmp.resolve("config.yaml");
        Files.writeString(config, """
                operator: alice
                operators:
                  - id: alice
                    name: Alice Analyst
                    roles: [analyst]
                profile: merchant
                profiles:
                  merchant:
                    caseApi: {url: "%s"}
                """.formatted(sandbox.baseUrl()));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = CommandLineLauncher.commandLine((dirs, file) -> 0);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        all[0] = "--config";
        all[1] = config.toString();
        all[2] = "--data-dir";
        all[3] = tmp.resolve("data").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return cli.execute(all);
    }

    private static List<ReviewCase> cases(CaseStatus status) {
        return upstream.list(CaseFilter.all().withStatus(status).withLimit(200), null).cases();
    }

    @Test
    void listShowsOnePageFilteredWithoutTheSandboxBadge() {
        assertThat(run("queue", "list", "--status", "review", "--region", "eu", "--limit", "3")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.getFirst()).startsWith("CASE");
        assertThat(lines.subList(1, 4)).allSatisfy(line -> assertThat(line).contains(" review ").contains(" eu ")
                .contains(" EUR "));
        assertThat(out.toString()).doesNotContain("Simulated");
    }

    @Test
    void listAsJsonHasExactAmounts() throws Exception {
        assertThat(run("queue", "list", "--json", "--limit", "4")).isZero();
        JsonNode body = new ObjectMapper().readTree(out.toString());
        assertThat(body.get("simulated_data").booleanValue()).isFalse();
        assertThat(body.get("cases")).hasSize(4);
        JsonNode first = body.get("cases").get(0);
        ReviewCase same = upstream.get(first.get("id").asText());
        assertThat(first.get("amount").asText()).isEqualTo(same.amount().plain());
        assertThat(first.get("amount_minor").asLong()).isEqualTo(same.amount().minor());
        assertThat(body.get("next_cursor").asText()).isNotBlank();
    }

    @Test
    void decideIsDurableAuditedAndConfirmedAndAConflictNamesTheStandingDecision() {
        String caseId = cases(CaseStatus.REVIEW).get(10).id();
        assertThat(run("queue", "decide", caseId, "approve", "--reason", "known customer")).isZero();
        assertThat(out.toString()).contains("Recorded approve on " + caseId).contains("Delivery: confirmed");
        assertThat(upstream.get(caseId).decision().analyst()).isEqualTo("alice");

        assertThat(run("queue", "decide", caseId, "decline", "--reason", "second thoughts")).isEqualTo(ExitCode.UPSTREAM);
        assertThat(err.toString()).contains("another decision already stands on " + caseId + ": approve by alice");

        ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
        try (LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            assertThat(new DecisionOutbox(store, clock).forCase(caseId)).extracting(e -> e.state())
                    .containsExactly(DeliveryState.CONFLICT, DeliveryState.CONFIRMED);
            assertThat(new AuditLog(store, TestOperators.lead(clock), clock)
                    .find(new AuditQuery("alice", "case.decided", caseId, null, null, 10))).hasSize(2);
        }
    }

    @Test
    void aReversalWithoutAReasonIsAUsageErrorAndNothingIsQueued() {
        String caseId = cases(CaseStatus.AUTO_DECLINED).getFirst().id();
        assertThat(run("queue", "decide", caseId, "reverse_decline")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("needs a reason");
        assertThat(err.toString().lines()).hasSize(1);
        try (LocalStore store = LocalStore.open(tmp.resolve("data"))) {
            assertThat(new DecisionOutbox(store, ManualClock.at("2026-11-25T10:00:00Z")).forCase(caseId)).isEmpty();
        }
        assertThat(run("queue", "decide", caseId, "obliterate", "--reason", "x")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aLargeReversalIsFiledForASecondPerson() {
        ReviewCase large = cases(CaseStatus.AUTO_DECLINED).stream()
                .filter(c -> FourEyesPolicy.defaults().needsSecondPerson(DecisionAction.REVERSE_DECLINE, c.amount()))
                .findFirst().orElseThrow();
        assertThat(run("queue", "decide", large.id(), "reverse_decline", "--reason", "verified by phone")).isZero();
        assertThat(out.toString()).contains("needs a second person").contains("apr_");
        assertThat(upstream.get(large.id()).status()).isEqualTo(CaseStatus.AUTO_DECLINED);
    }

    @Test
    void theConfiguredThresholdDecidesWhetherAReversalNeedsASecondPerson() throws Exception {
        ReviewCase large = cases(CaseStatus.AUTO_DECLINED).stream()
                .filter(c -> FourEyesPolicy.defaults().needsSecondPerson(DecisionAction.REVERSE_DECLINE, c.amount()))
                .skip(1).findFirst().orElseThrow();
        Files.writeString(config, Files.readString(config) + """
                review:
                  fourEyesThresholds: {%s: %d}
                """.formatted(large.amount().currency(), large.amount().minor()));
        assertThat(run("queue", "decide", large.id(), "reverse_decline", "--reason", "verified by phone")).isZero();
        assertThat(out.toString()).contains("Delivery: confirmed");
        assertThat(upstream.get(large.id()).decision().action()).isEqualTo(DecisionAction.REVERSE_DECLINE);
    }

    @Test
    void exportWalksEveryPageAsCsvAndJson() throws Exception {
        Path csv = tmp.resolve("cases.csv");
        assertThat(run("queue", "export", "--format", "csv", "--out", csv.toString())).isZero();
        List<String> lines = Files.readAllLines(csv);
        int stored = sandbox.storedCases();
        assertThat(stored).isGreaterThan(200);
        assertThat(lines).hasSize(stored + 1);
        assertThat(lines.getFirst()).startsWith("id,status,created,region,rail,amount,amount_minor,currency")
                .endsWith(",simulated_data");
        assertThat(out.toString()).contains("Exported " + stored + " cases");

        assertThat(run("queue", "export", "--format", "json", "--status", "auto_declined")).isZero();
        JsonNode body = new ObjectMapper().readTree(out.toString());
        assertThat(body.get("cases")).hasSize(cases(CaseStatus.AUTO_DECLINED).size());
        assertThat(body.get("cases")).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("auto_declined"));
    }

    @Test
    void withoutAConfigurationTheQueueIsTheEmbeddedSandboxAndSaysSo() {
        config = tmp.resolve("absent.yaml");
        assertThat(run("queue", "list", "--limit", "1")).isZero();
        assertThat(out.toString()).startsWith("Simulated data");
    }
}
