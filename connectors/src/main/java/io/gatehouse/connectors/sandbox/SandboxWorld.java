package io.gatehouse.connectors.sandbox;

import io.gatehouse.connectors.sandbox.cases.ApprovalDesk;
import io.gatehouse.connectors.sandbox.cases.CaseEvidence;
import io.gatehouse.connectors.sandbox.cases.CaseStatus;
import io.gatehouse.connectors.sandbox.cases.CaseStore;
import io.gatehouse.connectors.sandbox.cases.Claim;
import io.gatehouse.connectors.sandbox.cases.ClaimLease;
import io.gatehouse.connectors.sandbox.cases.DecisionAction;
import io.gatehouse.connectors.sandbox.cases.DecisionDesk;
import io.gatehouse.connectors.sandbox.cases.DecisionRequest;
import io.gatehouse.connectors.sandbox.cases.EventLog;
import io.gatehouse.connectors.sandbox.cases.IdempotencyLedger;
import io.gatehouse.connectors.sandbox.cases.Note;
import io.gatehouse.connectors.sandbox.cases.Outcome;
import io.gatehouse.connectors.sandbox.cases.SandboxCase;
import io.gatehouse.connectors.sandbox.events.SecurityEventLog;
import io.gatehouse.connectors.sandbox.metrics.SandboxMetrics;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import io.gatehouse.connectors.sandbox.scenario.ScenarioBoard;
import io.gatehouse.connectors.sandbox.world.AttackPlayer;
import io.gatehouse.connectors.sandbox.world.CaseGenerator;
import io.gatehouse.connectors.sandbox.world.Draws;
import io.gatehouse.connectors.sandbox.world.FraudRings;
import io.gatehouse.connectors.sandbox.world.GatewayHealth;
import io.gatehouse.connectors.sandbox.world.OrderTweaks;
import io.gatehouse.connectors.sandbox.world.OutcomePlanner;
import io.gatehouse.connectors.sandbox.world.PaymentRail;
import io.gatehouse.connectors.sandbox.world.Region;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The simulated checkout platform. Time moves in whole simulated minutes, each with its own random
 * stream, so the world at a given instant depends only on the seed, the start and the scenarios, never on
 * how often anyone looked at it. One lock guards everything; the work per minute is small.
 */
public final class SandboxWorld {
    public static final Duration STEP = Duration.ofMinutes(1);
    /** Review cases nobody claims are worked by the simulated review team after this long. */
    public static final Duration TEAM_SLA = Duration.ofHours(4);
    /** The analyst name of the simulated review team. */
    public static final String TEAM = "sandbox-team";

    private final long seed;
    private final Instant start;
    private final InstantSource clock;
    private final CaseStore store;
    private final EventLog events = new EventLog(50_000);
    private final IdempotencyLedger ledger = new IdempotencyLedger(20_000);
    private final ClaimLease claims = new ClaimLease();
    private final DecisionDesk desk = new DecisionDesk(claims);
    private final ApprovalDesk approvals = new ApprovalDesk(5_000);
    private final SandboxMetrics metrics = new SandboxMetrics();
    private final SecurityEventLog securityEvents = new SecurityEventLog(20_000);
    private final ScenarioBoard board = new ScenarioBoard();
    private final CaseGenerator generator;
    private final OutcomePlanner planner;
    private final AttackPlayer attacks;
    private final ArrayDeque<SandboxCase> reviewQueue = new ArrayDeque<>();
    private long steps;
    private long nextNote = 1;
    private long nextOutcome = 1;

    public SandboxWorld(long seed, Instant start, InstantSource clock, int maxCases) {
        this.seed = seed;
        this.start = start;
        this.clock = clock;
        this.store = new CaseStore(maxCases);
        this.generator = new CaseGenerator(new FraudRings(seed));
        this.planner = new OutcomePlanner(seed);
        this.attacks = new AttackPlayer(seed, board, metrics, securityEvents);
    }

    /** Runs {@code work} under the lock after bringing the world up to simulated now. */
    public synchronized <T> T transact(Function<Instant, T> work) {
        Instant now = clock.instant();
        advanceTo(now);
        return work.apply(now);
    }

    /** Simulates every whole minute that ends at or before {@code until}. */
    public synchronized void advanceTo(Instant until) {
        while (!start.plus(STEP.multipliedBy(steps + 1)).isAfter(until)) {
            runStep(steps);
            steps++;
        }
    }

    /** The end of the last simulated minute. */
    public synchronized Instant simulatedUpTo() {
        return start.plus(STEP.multipliedBy(steps));
    }

    public InstantSource clock() {
        return clock;
    }

    public CaseStore store() {
        return store;
    }

    public EventLog events() {
        return events;
    }

    public IdempotencyLedger ledger() {
        return ledger;
    }

    public ApprovalDesk approvals() {
        return approvals;
    }

    public SandboxMetrics metrics() {
        return metrics;
    }

    /** The security events the simulated backend relays, signed, on its event stream. */
    public SecurityEventLog securityEvents() {
        return securityEvents;
    }

    public ScenarioBoard board() {
        return board;
    }

    public AttackPlayer attacks() {
        return attacks;
    }

    public SandboxCase find(String caseId) {
        return store.find(caseId).orElseThrow(() -> ApiProblem.notFound("no case " + caseId));
    }

    public DecisionDesk.Result decide(SandboxCase c, DecisionRequest request, Instant now) {
        DecisionDesk.Result result = desk.decide(c, request, now);
        if (result.created()) {
            events.append(request.action() == DecisionAction.UNDO ? "case.undone"
                    : request.action().isFinal() ? "case.decided" : "case.updated", c, now);
            if (request.action().isFinal()) {
                planner.plan(c, result.decision());
            }
        }
        return result;
    }

    public Claim claim(SandboxCase c, String analyst, Duration ttl, Instant now) {
        Claim claim = claims.claim(c, analyst, ttl, now);
        events.append("case.claimed", c, now);
        return claim;
    }

    public void release(SandboxCase c, String ifMatch, Instant now) {
        claims.release(c, ifMatch, now);
        events.append("case.released", c, now);
    }

    public Note note(SandboxCase c, String author, String body, Instant now) {
        if (c.notes().size() >= SandboxCase.MAX_NOTES) {
            throw new ApiProblem(409, "too-many-notes", "The case has too many notes",
                    c.id() + " already has " + SandboxCase.MAX_NOTES + " notes");
        }
        Note note = new Note("note_%010d".formatted(nextNote++), c.id(), author, body, now);
        c.addNote(note);
        events.append("case.note_added", c, now);
        return note;
    }

    private void runStep(long step) {
        Instant minute = start.plus(STEP.multipliedBy(step));
        for (Region region : Region.values()) {
            regionMinute(step, region, minute);
        }
        attacks.play(step, minute, this::flag);
        Instant end = minute.plus(STEP);
        for (OutcomePlanner.Planned p : planner.due(end)) {
            deliver(p);
        }
        teamWork(end);
    }

    private void regionMinute(long step, Region region, Instant minute) {
        Draws d = Draws.forStep(seed, step, region.ordinal());
        GatewayHealth gateway = attacks.gateway(region);
        String regionName = region.wireName();
        int orders = d.poisson(region.ordersPerMinute(minute));
        long authorised = 0;
        for (int i = 0; i < orders; i++) {
            PaymentRail rail = generator.rail(d, region);
            boolean error = d.chance(gateway.errorRate());
            double latency = d.logNormal(gateway.medianLatencySeconds(), 0.5);
            boolean fraud = d.chance(region.fraudRate());
            int score = fraud ? CaseGenerator.fraudRisk(d) : CaseGenerator.legitimateRisk(d);
            metrics.checkoutAttempt(regionName, rail.wireName(), error, latency);
            if (error) {
                continue;
            }
            metrics.authorisation(regionName, rail.wireName());
            authorised++;
            if (score >= CaseGenerator.REVIEW_THRESHOLD) {
                flag(d, region, rail, minute.plusSeconds(d.between(0, 60)), fraud, score, OrderTweaks.NONE);
            } else if (d.chance(0.06)) {
                metrics.decline(regionName, rail.wireName(), d.pick(List.of("insufficient_funds",
                        "insufficient_funds", "do_not_honor", "expired_card", "incorrect_cvc")));
            }
        }
        travellers(step, region, orders);
        long attempts = d.poisson(orders * 2.5);
        long failures = d.poisson(attempts * 0.04);
        long sources = Math.max(0, failures - d.poisson(failures * 0.1));
        AttackPlayer.LoginSurge surge = attacks.loginSurge(step, region, minute);
        metrics.logins(regionName, Math.max(0, attempts - failures) + surge.successes(), failures + surge.failures(),
                sources + surge.sources());
        long tokenFailures = d.poisson(0.3);
        metrics.tokenFailures(regionName, "expired", tokenFailures);
        long webhookFailures = d.poisson(authorised * gateway.webhookSignatureFailureRate());
        metrics.webhooks(regionName, authorised, webhookFailures);
        // the backend relays the minute's security tallies as events, stamped at the minute's end
        Instant end = minute.plus(STEP);
        securityEvents.record("login_failures", regionName, end, failures + surge.failures());
        securityEvents.record("token_validation_failures", regionName, end, tokenFailures);
        securityEvents.record("webhook_signature_failures", regionName, end, webhookFailures);
    }

    /**
     * About 2% of a region's checkouts come from shoppers abroad in the world's other markets. They are
     * drawn from a stream of their own, so the rest of the region's minute is the same as without them.
     */
    private void travellers(long step, Region region, int orders) {
        Draws g = Draws.forStep(seed, step, 300 + region.ordinal());
        int abroad = g.poisson(orders * 0.02);
        List<String> elsewhere = FOREIGN.get(region);
        for (int i = 0; i < abroad; i++) {
            metrics.foreignOrigin(region.wireName(), g.pick(elsewhere), 1);
        }
    }

    private static final Map<Region, List<String>> FOREIGN = foreignCountries();

    private static Map<Region, List<String>> foreignCountries() {
        Map<Region, List<String>> out = new EnumMap<>(Region.class);
        for (Region r : Region.values()) {
            List<String> own = r.markets().stream().map(Region.Market::country).toList();
            out.put(r, Region.valuesCountries().stream().filter(c -> !own.contains(c)).toList());
        }
        return out;
    }

    private void flag(Draws d, Region region, PaymentRail rail, Instant at, boolean fraud, int score, OrderTweaks t) {
        CaseEvidence evidence = generator.evidence(d, region, rail, at, fraud, score, t);
        SandboxCase c = new SandboxCase(store.nextSequence(), at, evidence, fraud, CaseStatus.REVIEW);
        store.add(c);
        if (score >= CaseGenerator.DECLINE_THRESHOLD) {
            planner.plan(c, desk.autoDecline(c, evidence.risk().rules().getFirst(), at));
            metrics.flagged(region.wireName(), rail.wireName(), CaseStatus.AUTO_DECLINED.wireName());
            metrics.decline(region.wireName(), rail.wireName(), "fraudulent");
        } else {
            reviewQueue.addLast(c);
            metrics.flagged(region.wireName(), rail.wireName(), CaseStatus.REVIEW.wireName());
        }
        events.append("case.created", c, at);
    }

    private void deliver(OutcomePlanner.Planned p) {
        SandboxCase c = store.find(p.caseId()).orElse(null);
        if (c == null || c.standing() == null || !c.standing().id().equals(p.decisionId())) {
            return; // the case aged out, or the decision was undone or reversed since
        }
        CaseEvidence e = c.evidence();
        boolean money = p.type().equals("chargeback") || p.type().equals("dispute");
        c.addOutcome(new Outcome("out_%010d".formatted(nextOutcome++), c.id(), p.type(), p.reason(),
                money ? e.amount() : 0, e.currency(), p.due()));
        metrics.outcome(e.region().wireName(), p.type());
        events.append("case.outcome", c, p.due());
    }

    /** The simulated team works the oldest unclaimed review cases, right about 85–90% of the time. */
    private void teamWork(Instant end) {
        Instant cutoff = end.minus(TEAM_SLA);
        while (!reviewQueue.isEmpty() && !reviewQueue.peekFirst().created().isAfter(cutoff)) {
            SandboxCase c = reviewQueue.pollFirst();
            if (c.status() != CaseStatus.REVIEW || c.escalated() || c.held() || c.liveClaim(end) != null
                    || store.find(c.id()).isEmpty()) {
                continue;
            }
            Draws d = Draws.forStep(seed, c.sequence(), 77);
            boolean decline = c.fraudulent() ? d.chance(0.85) : d.chance(0.10);
            decide(c, new DecisionRequest(decline ? DecisionAction.DECLINE : DecisionAction.APPROVE, "queue_sla",
                    TEAM, List.of(), null), end);
        }
    }
}
