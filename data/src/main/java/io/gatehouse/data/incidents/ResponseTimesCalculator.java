package io.gatehouse.data.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Computes {@link ResponseTimes} from incidents, as of the end of the period: an incident counts
 * when it started in [from, to), and a stage counts when it was reached by {@code to}. An outage
 * not recovered by then is down until {@code to}.
 */
public final class ResponseTimesCalculator {
    private ResponseTimesCalculator() {
    }

    public static ResponseTimes of(List<Incident> incidents, Instant from, Instant to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        int count = 0;
        Duration detect = Duration.ZERO;
        int detectN = 0;
        Duration contain = Duration.ZERO;
        int containN = 0;
        Duration recover = Duration.ZERO;
        int recoverN = 0;
        Duration downtime = Duration.ZERO;
        for (Incident i : incidents) {
            if (i.started().isBefore(from) || !i.started().isBefore(to)) {
                continue;
            }
            count++;
            if (!i.detected().isAfter(to)) {
                detect = detect.plus(Duration.between(i.started(), i.detected()));
                detectN++;
                if (reached(i.contained(), to)) {
                    contain = contain.plus(Duration.between(i.detected(), i.contained()));
                    containN++;
                }
                if (reached(i.recovered(), to)) {
                    recover = recover.plus(Duration.between(i.detected(), i.recovered()));
                    recoverN++;
                }
            }
            if (i.outage()) {
                Instant end = reached(i.recovered(), to) ? i.recovered() : to;
                downtime = downtime.plus(Duration.between(i.started(), end));
            }
        }
        return new ResponseTimes(count, mean(detect, detectN), mean(contain, containN), mean(recover, recoverN), downtime);
    }

    private static boolean reached(Instant stage, Instant to) {
        return stage != null && !stage.isAfter(to);
    }

    private static Optional<Duration> mean(Duration total, int n) {
        return n == 0 ? Optional.empty() : Optional.of(total.dividedBy(n));
    }
}
