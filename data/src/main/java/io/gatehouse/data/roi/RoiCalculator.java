package io.gatehouse.data.roi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the ROI table into progress to date: the baseline prorated to the days since the programme
 * started, against losses measured where the console can and entered where it cannot.
 */
public final class RoiCalculator {
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365.2425");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private RoiCalculator() {
    }

    public static List<RoiProgress> progress(List<RoiRow> rows, RoiSettings settings, RoiMeasurements measured,
            Map<String, RoiActual> entered, ExchangeRates rates, Instant now) {
        Currency target = settings.reportingCurrency();
        BigDecimal years = years(settings.programmeStart(), now);
        // the fraud queue may not reach back to the programme's start; compare like with like
        BigDecimal fraudYears = measured.fraudSince().filter(since -> since.isAfter(settings.programmeStart()))
                .map(since -> years(since, now)).orElse(years);
        List<RoiProgress> out = new ArrayList<>();
        for (RoiRow row : rows) {
            Amount baseline = rates.convert(row.baseline(), target);
            boolean fraudWindow = row.source() == ActualSource.MEASURED_FRAUD_LOSSES && measured.fraudLosses().isPresent();
            Amount expected = baseline.times(fraudWindow ? fraudYears : years);
            Optional<Amount> losses = switch (row.source()) {
                case MEASURED_FRAUD_LOSSES -> measured.fraudLosses().map(a -> rates.convert(a, target));
                case MEASURED_DOWNTIME -> measured.downtime().map(d -> rates.convert(settings.downtimeCostPerHour()
                        .times(BigDecimal.valueOf(d.toSeconds()).divide(SECONDS_PER_HOUR, MathContext.DECIMAL64)), target));
                case ENTERED -> Optional.ofNullable(entered.get(row.id())).map(a -> rates.convert(a.lossesToDate(), target));
            };
            ActualSource origin = row.source();
            // a measured row the console cannot measure here falls back to what was entered
            if (losses.isEmpty() && origin != ActualSource.ENTERED && entered.containsKey(row.id())) {
                losses = Optional.of(rates.convert(entered.get(row.id()).lossesToDate(), target));
                origin = ActualSource.ENTERED;
            }
            Optional<BigDecimal> achieved = losses.filter(l -> expected.value().signum() > 0)
                    .map(l -> BigDecimal.ONE.subtract(l.value().divide(expected.value(), MathContext.DECIMAL64))
                            .multiply(HUNDRED).setScale(1, RoundingMode.HALF_EVEN));
            out.add(new RoiProgress(row, baseline.rounded(), rates.convert(row.targetSavingPerYear(), target).rounded(),
                    expected.rounded(), losses.map(Amount::rounded), origin, achieved));
        }
        return List.copyOf(out);
    }

    private static BigDecimal years(Instant from, Instant to) {
        Duration elapsed = Duration.between(from, to);
        return elapsed.isNegative() ? BigDecimal.ZERO
                : BigDecimal.valueOf(elapsed.toSeconds()).divide(DAYS_PER_YEAR.multiply(BigDecimal.valueOf(86_400)), MathContext.DECIMAL64);
    }
}
