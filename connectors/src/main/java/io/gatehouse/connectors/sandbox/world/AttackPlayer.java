package io.gatehouse.connectors.sandbox.world;

import io.gatehouse.connectors.sandbox.events.SecurityEventLog;
import io.gatehouse.connectors.sandbox.metrics.SandboxMetrics;
import io.gatehouse.connectors.sandbox.scenario.AttackScenario;
import io.gatehouse.connectors.sandbox.scenario.ScenarioBoard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays the running attack scenarios minute by minute. Each draws from its own random stream, so
 * switching one on leaves the baseline world's draws (and every other region) unchanged.
 */
public final class AttackPlayer {

    /** Where flagged orders go: the world turns them into cases. */
    public interface CaseSink {
        void flagged(Draws d, Region region, PaymentRail rail, Instant at, boolean fraud, int score, OrderTweaks t);
    }

    /** Login numbers an attack adds to a region's minute. */
    public record LoginSurge(long failures, long successes, long sources) {
    }

    private final long seed;
    private final ScenarioBoard board;
    private final SandboxMetrics metrics;
    private final SecurityEventLog securityEvents;
    private final List<String> testingBins = new ArrayList<>();
    private final List<String> testingIps = new ArrayList<>();
    private final List<String> replayedTokens = new ArrayList<>();

    /** @param securityEvents where the backend's relayed tallies go, so the signed stream carries the attacks too */
    public AttackPlayer(long seed, ScenarioBoard board, SandboxMetrics metrics, SecurityEventLog securityEvents) {
        this.securityEvents = securityEvents;
        this.seed = seed;
        this.board = board;
        this.metrics = metrics;
        Draws d = Draws.forStep(seed, -2, 0);
        for (int i = 0; i < 3; i++) {
            testingBins.add(FraudRings.bin(d));
        }
        for (int i = 0; i < 4; i++) {
            testingIps.add(d.ipv4());
        }
        for (int i = 0; i < 5; i++) {
            replayedTokens.add("tok_" + d.hex(8));
        }
    }

    /** The BINs card testers cycle through; fixed per seed. */
    public List<String> testingBins() {
        return List.copyOf(testingBins);
    }

    /** The token ids replayed during token replay; fixed per seed. */
    public List<String> replayedTokens() {
        return List.copyOf(replayedTokens);
    }

    private static double ramp(long minutes) {
        // Attacks build up over ten minutes rather than switching on like a light.
        return Math.min(1.0, (minutes + 1) / 10.0);
    }

    /** Credential stuffing: a surge of failures from hundreds of IPs, a trickle of successes. */
    public LoginSurge loginSurge(long step, Region region, Instant at) {
        var running = board.runningIn(AttackScenario.CREDENTIAL_STUFFING, region);
        if (running.isEmpty()) {
            return new LoginSurge(0, 0, 0);
        }
        Draws d = Draws.forStep(seed, step, 100 + region.ordinal());
        double r = ramp(running.get().minutesAt(at));
        return new LoginSurge(d.poisson(1200 * r), d.poisson(6 * r), d.poisson(700 * r));
    }

    /** Error rate, latency and webhook signature failures of a region's gateway; worse when compromised. */
    public GatewayHealth gateway(Region region) {
        return board.runningIn(AttackScenario.COMPROMISED_GATEWAY, region).isPresent()
                ? GatewayHealth.COMPROMISED : GatewayHealth.NORMAL;
    }

    /** Plays one simulated minute of every running scenario that creates orders. */
    public void play(long step, Instant minuteStart, CaseSink sink) {
        board.running(AttackScenario.CREDENTIAL_STUFFING).ifPresent(run -> {
            long m = run.minutesAt(minuteStart);
            if (m < 30) {
                return; // takeovers follow once the stuffing has found working passwords
            }
            Draws d = Draws.forStep(seed, step, 200);
            int n = d.poisson(1.5);
            for (int i = 0; i < n; i++) {
                Instant at = minuteStart.plusSeconds(d.between(0, 60));
                sink.flagged(d, run.region(), PaymentRail.CARD, at, true, 70 + d.between(0, 30),
                        new OrderTweaks(null, null, null, null, null, true, null, null, null,
                                List.of("account_takeover_suspected", "new_device_existing_account")));
            }
        });
        board.running(AttackScenario.CARD_TESTING).ifPresent(run -> cardTesting(step, minuteStart, run, sink));
        board.running(AttackScenario.UNUSUAL_GEOGRAPHY).ifPresent(run -> unusualGeography(step, minuteStart, run));
        board.running(AttackScenario.TOKEN_REPLAY).ifPresent(run -> {
            Draws d = Draws.forStep(seed, step, 202);
            String region = run.region().wireName();
            long replayed = d.poisson(150 * ramp(run.minutesAt(minuteStart)));
            metrics.tokenFailures(region, "replayed_token", replayed);
            // relayed like the minute's other tallies, stamped at the minute's end
            securityEvents.record("token_validation_failures", region, minuteStart.plus(Duration.ofMinutes(1)), replayed);
            int n = d.poisson(0.8);
            for (int i = 0; i < n; i++) {
                Instant at = minuteStart.plusSeconds(d.between(0, 60));
                sink.flagged(d, run.region(), PaymentRail.CARD, at, true, 65 + d.between(0, 20),
                        new OrderTweaks(null, null, null, null, d.pick(replayedTokens), false, null, null, null,
                                List.of("session_token_replayed")));
            }
        });
    }

    /** Countries none of the world's markets sell to; a surge from them is unusual geography. */
    private static final List<String> UNUSUAL_COUNTRIES = List.of("RU", "NG", "VN", "UA", "ID");

    /** Unusual geography: a wave of card checkouts from two countries the region never sees, through proxies. */
    private void unusualGeography(long step, Instant minuteStart, ScenarioBoard.Running run) {
        Draws d = Draws.forStep(seed, step, 203);
        String region = run.region().wireName();
        String rail = PaymentRail.CARD.wireName();
        int attempts = d.poisson(30 * ramp(run.minutesAt(minuteStart)));
        for (int i = 0; i < attempts; i++) {
            metrics.checkoutAttempt(region, rail, false, d.logNormal(0.5, 0.5));
            metrics.authorisation(region, rail);
            metrics.foreignOrigin(region, UNUSUAL_COUNTRIES.get(d.chance(0.7) ? 0 : 1 + (int) (seed & 3)), 1);
            if (d.chance(0.15)) {
                metrics.decline(region, rail, "do_not_honor");
            }
        }
    }

    private void cardTesting(long step, Instant minuteStart, ScenarioBoard.Running run, CaseSink sink) {
        Draws d = Draws.forStep(seed, step, 201);
        long m = run.minutesAt(minuteStart);
        String region = run.region().wireName();
        String rail = PaymentRail.CARD.wireName();
        // CVC and AVS failures climb as the testers work through worse parts of their card lists.
        double cvc = Math.min(0.9, 0.3 + 0.6 * m / 60.0);
        double avs = Math.min(0.8, 0.2 + 0.6 * m / 60.0);
        int attempts = d.poisson(80 * ramp(m));
        int perIp = (int) Math.min(5_000, 20 * Math.min(m + 1, 60));
        for (int i = 0; i < attempts; i++) {
            metrics.checkoutAttempt(region, rail, false, d.logNormal(0.3, 0.4));
            metrics.authorisation(region, rail);
            if (d.chance(cvc)) {
                metrics.decline(region, rail, "incorrect_cvc");
            } else if (d.chance(avs)) {
                metrics.decline(region, rail, "avs_mismatch");
            } else if (d.chance(0.5)) {
                metrics.decline(region, rail, "card_declined");
            }
            if (d.chance(0.05)) {
                Instant at = minuteStart.plusSeconds(d.between(0, 60));
                sink.flagged(d, run.region(), PaymentRail.CARD, at, true, 85 + d.between(0, 16),
                        new OrderTweaks(PaymentRail.CARD, 0.01 + 0.02 * d.uniform(), d.pick(testingBins),
                                d.pick(testingIps), null, false, perIp, cvc, avs,
                                List.of("card_testing", "small_amount_burst")));
            }
        }
    }
}
