package io.gatehouse.data.events;

import io.gatehouse.data.anomaly.Observation;
import io.gatehouse.data.anomaly.ObservationSource;
import io.gatehouse.data.anomaly.Signal;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiPoint;
import io.gatehouse.data.telemetry.SeriesView;
import io.gatehouse.data.telemetry.TelemetryHub;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The detector's observations from the backend's signed events: per region, the login failures and
 * token validation failures of the last whole minutes, read from the hub series that
 * {@link SecurityEventSignals} writes. They are signals of their own
 * ({@link Signal#SIGNED_LOGIN_FAILURES}, {@link Signal#SIGNED_TOKEN_FAILURES}) with baselines of
 * their own, so the alert they raise says where it came from, while the incident log folds them with
 * the scraped detection of the same attack into one alert.
 *
 * <p>A turn first closes the minutes that ended at least {@code grace} ago, then counts the
 * {@code window} of closed minutes before that point. A minute with no event is a minute of zero;
 * that is true only while the stream is open, so while it is down nothing is observed at all
 * rather than a run of zeros that would teach the baseline a false calm.
 */
public final class SignedEventObservations implements ObservationSource {
    private static final long MINUTE = 60_000;
    private static final Map<Kpi, Signal> SIGNAL_OF_KPI = Map.of(
            Kpi.LOGIN_FAILURES_PER_MIN, Signal.SIGNED_LOGIN_FAILURES,
            Kpi.TOKEN_VALIDATION_FAILURES_PER_MIN, Signal.SIGNED_TOKEN_FAILURES);

    private final SecurityEventSignals signals;
    private final TelemetryHub hub;
    private final long windowMinutes;
    private final Duration grace;
    private final BooleanSupplier streamOpen;

    /**
     * @param window     how much of the signal one observation counts, rounded up to whole minutes
     * @param grace      how long after a minute's end its events may still arrive
     * @param streamOpen true while the signed stream is connected
     */
    public SignedEventObservations(SecurityEventSignals signals, TelemetryHub hub, Duration window, Duration grace,
            BooleanSupplier streamOpen) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.hub = Objects.requireNonNull(hub, "hub");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.streamOpen = Objects.requireNonNull(streamOpen, "streamOpen");
        if (window.isNegative() || window.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("the window must be positive and the grace not negative");
        }
        this.windowMinutes = Math.ceilDiv(window.toMillis(), MINUTE);
    }

    @Override
    public List<Observation> observe(Instant at) {
        if (!streamOpen.getAsBoolean()) {
            return List.of();
        }
        Instant cutoff = at.minus(grace);
        signals.closeMinutesEndingBy(cutoff);
        long to = cutoff.toEpochMilli();
        long from = to - windowMinutes * MINUTE;
        List<Observation> out = new ArrayList<>();
        // the hub's own clock may run a little apart from the turn's; an hour more is plenty
        for (SeriesView view : hub.snapshot(windowMinutes * MINUTE + grace.toMillis() + 3_600_000).series().values()) {
            Signal signal = SIGNAL_OF_KPI.get(view.key().kpi());
            if (signal == null || !SecurityEventSignals.HUB_DETAIL.equals(view.key().detail())) {
                continue;
            }
            double events = 0;
            for (KpiPoint p : view.points()) {
                long t = p.at().toEpochMilli();
                if (t > from && t <= to) {
                    events += p.value();
                }
            }
            out.add(new Observation(view.key().region(), signal, at, events, windowMinutes));
        }
        return out;
    }
}
