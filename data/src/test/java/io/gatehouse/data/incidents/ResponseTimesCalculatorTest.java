package io.gatehouse.data.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.anomaly.AnomalyType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseTimesCalculatorTest {
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant FROM = T0;
    private static final Instant TO = T0.plus(Duration.ofDays(1));

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Incident incident(int started, int detected, Integer contained, Integer recovered, boolean outage) {
        return new Incident(1, 1, AnomalyType.CARD_TESTING, "eu", at(started), at(detected), at(detected),
                contained == null ? null : at(contained), recovered == null ? null : at(recovered), outage);
    }

    @Test
    void noIncidentsMeansNoMeansAndNoDowntime() {
        assertThat(ResponseTimesCalculator.of(List.of(), FROM, TO)).isEqualTo(ResponseTimes.none());
    }

    @Test
    void meansAndDowntimeOfHandComputedIncidents() {
        // A: started 60, detected 64, contained 94, recovered 184, outage  -> detect 4, contain 30, recover 120, down 124
        // B: started 600, detected 602, contained 612, recovered 662        -> detect 2, contain 10, recover 60
        // C: started 1000, detected 1006, not contained, outage             -> detect 6, down until TO: 1440 - 1000 = 440
        ResponseTimes r = ResponseTimesCalculator.of(List.of(
                incident(60, 64, 94, 184, true),
                incident(600, 602, 612, 662, false),
                incident(1000, 1006, null, null, true)), FROM, TO);
        assertThat(r.incidents()).isEqualTo(3);
        assertThat(r.meanTimeToDetect()).contains(Duration.ofMinutes(4));            // (4 + 2 + 6) / 3
        assertThat(r.meanTimeToContain()).contains(Duration.ofMinutes(20));          // (30 + 10) / 2
        assertThat(r.meanTimeToRecover()).contains(Duration.ofMinutes(90));          // (120 + 60) / 2
        assertThat(r.downtime()).isEqualTo(Duration.ofMinutes(124 + 440));
    }

    @Test
    void onlyIncidentsStartedInThePeriodCountAndStagesAfterItsEndDoNot() {
        Incident before = incident(-30, -20, -10, -5, true);
        Incident straddling = incident(1430, 1432, 1450, 1500, true); // contained and recovered after TO
        Incident atEnd = incident(1440, 1441, 1442, 1443, true);      // starts exactly at TO: next period
        ResponseTimes r = ResponseTimesCalculator.of(List.of(before, straddling, atEnd), FROM, TO);
        assertThat(r.incidents()).isEqualTo(1);
        assertThat(r.meanTimeToDetect()).contains(Duration.ofMinutes(2));
        assertThat(r.meanTimeToContain()).isEqualTo(Optional.empty());
        assertThat(r.meanTimeToRecover()).isEqualTo(Optional.empty());
        assertThat(r.downtime()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anIncidentNotYetDetectedByTheEndCountsButHasNoDetectTime() {
        ResponseTimes r = ResponseTimesCalculator.of(List.of(incident(1439, 1445, null, null, false)), FROM, TO);
        assertThat(r.incidents()).isEqualTo(1);
        assertThat(r.meanTimeToDetect()).isEmpty();
        assertThat(r.downtime()).isZero();
    }
}
