package io.gatehouse.data.friction;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.incidents.ResponseTimes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of the score over many random inputs; the seeds are fixed so a failure repeats. */
class FrictionPropertiesTest {
    private static final int RUNS = 5_000;
    // a hair of slack for floating point in sums that should be equal
    private static final double SLACK = 1e-9;

    @Test
    void alwaysWithinZeroToHundred() {
        Random random = new Random(11);
        for (int i = 0; i < RUNS; i++) {
            FrictionScore s = FrictionFormula.score(randomInputs(random));
            assertThat(s.score()).as("run %d", i).isBetween(0.0, 100.0);
        }
    }

    @Test
    void moreBarrierCoverageNeverLowersTheScore() {
        Random random = new Random(12);
        for (int i = 0; i < RUNS; i++) {
            FrictionInputs in = randomInputs(random);
            Ratio checklist = in.boundaryChecklist();
            Ratio more = Ratio.of(checklist.part() + random.nextDouble() * (checklist.whole() - checklist.part()), checklist.whole());
            assertNotLower(in, in.withBoundaryChecklist(more), i);
            Ratio mtls = in.mtls();
            assertNotLower(in, in.withMtls(Ratio.of(mtls.part() + random.nextDouble() * (mtls.whole() - mtls.part()), mtls.whole())), i);
            // one more abuse attempt stopped at the edge instead of beyond it
            Ratio edge = in.edgeStops();
            assertNotLower(in, in.withEdgeStops(Ratio.of(Math.min(edge.part() + 1, edge.whole()), edge.whole())), i);
        }
    }

    @Test
    void fasterDetectionOrContainmentNeverLowersTheScore() {
        Random random = new Random(13);
        for (int i = 0; i < RUNS; i++) {
            FrictionInputs in = randomInputs(random);
            ResponseTimes t = in.response();
            ResponseTimes fasterDetect = new ResponseTimes(t.incidents(), t.meanTimeToDetect().map(d -> shorter(d, random)),
                    t.meanTimeToContain(), t.meanTimeToRecover(), t.downtime());
            ResponseTimes fasterContain = new ResponseTimes(t.incidents(), t.meanTimeToDetect(),
                    t.meanTimeToContain().map(d -> shorter(d, random)), t.meanTimeToRecover(), t.downtime());
            assertNotLower(in, in.withResponse(fasterDetect), i);
            assertNotLower(in, in.withResponse(fasterContain), i);
        }
    }

    @Test
    void moreFalsePositiveDeclinesNeverRaiseTheScore() {
        Random random = new Random(14);
        for (int i = 0; i < RUNS; i++) {
            FrictionInputs in = randomInputs(random);
            Ratio fp = in.falsePositives();
            double extra = random.nextDouble() * (fp.whole() - fp.part());
            FrictionInputs worse = in.withFalsePositives(Ratio.of(fp.part() + extra, fp.whole()));
            assertThat(FrictionFormula.score(worse).score()).as("run %d", i)
                    .isLessThanOrEqualTo(FrictionFormula.score(in).score() + SLACK);
        }
    }

    private static void assertNotLower(FrictionInputs before, FrictionInputs after, int run) {
        assertThat(FrictionFormula.score(after).score()).as("run %d", run)
                .isGreaterThanOrEqualTo(FrictionFormula.score(before).score() - SLACK);
    }

    private static Duration shorter(Duration d, Random random) {
        return Duration.ofMillis((long) (d.toMillis() * random.nextDouble()));
    }

    /** Random inputs, zero traffic and no incidents included now and then. */
    static FrictionInputs randomInputs(Random random) {
        int incidents = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(20);
        ResponseTimes times = incidents == 0 ? ResponseTimes.none()
                : new ResponseTimes(incidents, maybe(random), maybe(random), maybe(random), duration(random));
        return new FrictionInputs(ratio(random), ratio(random), ratio(random), times,
                BigDecimal.valueOf(random.nextInt(100_000)), BigDecimal.valueOf(random.nextInt(3) == 0 ? 0 : random.nextInt(100_000)),
                ratio(random), ratio(random), ratio(random));
    }

    private static Ratio ratio(Random random) {
        if (random.nextInt(6) == 0) {
            return Ratio.none();
        }
        double whole = random.nextInt(3) == 0 ? random.nextDouble() * 1e6 : 1 + random.nextInt(200);
        return Ratio.of(random.nextDouble() * whole, whole);
    }

    private static Optional<Duration> maybe(Random random) {
        return random.nextInt(5) == 0 ? Optional.empty() : Optional.of(duration(random));
    }

    private static Duration duration(Random random) {
        return Duration.ofSeconds(random.nextInt(7 * 24 * 3600));
    }
}
