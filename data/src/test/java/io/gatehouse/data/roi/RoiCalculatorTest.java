package io.gatehouse.data.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoiCalculatorTest {
    private static final Currency USD = Currency.getInstance("USD");
    // exactly half a (365.2425-day) year after the start
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant HALF_YEAR = START.plusSeconds((long) (365.2425 * 86_400 / 2));
    private static final ExchangeRates RATES = new ExchangeRates(Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("0.9"),
            "KRW", new BigDecimal("1400"), "INR", new BigDecimal("80")));

    private static final RoiRow FRAUD = new RoiRow("fraud-losses", "Fraud losses", Amount.of("2200000", "USD"),
            new BigDecimal("60"), 12, "Layered signals", ActualSource.MEASURED_FRAUD_LOSSES);
    private static final RoiRow DOWNTIME = new RoiRow("downtime", "Downtime cost", Amount.of("800000", "USD"),
            new BigDecimal("70"), 12, "", ActualSource.MEASURED_DOWNTIME);
    private static final RoiRow FINES = new RoiRow("compliance-fines", "Compliance fines", Amount.of("200000", "USD"),
            new BigDecimal("90"), 24, "", ActualSource.ENTERED);
    private static final RoiSettings SETTINGS = new RoiSettings(USD, START, Amount.of("25000", "USD"));

    @Test
    void measuredFraudLossesAgainstTheProratedBaseline() {
        List<RoiProgress> p = RoiCalculator.progress(List.of(FRAUD), SETTINGS,
                new RoiMeasurements(Optional.of(Amount.of("660000", "USD")), Optional.empty()), Map.of(), RATES, HALF_YEAR);

        RoiProgress fraud = p.getFirst();
        // half of 2.2M expected; 660k lost: 1 - 660/1100 = 40 % reduction so far, short of 60 %
        assertThat(fraud.expectedToDate()).isEqualTo(Amount.of("1100000.00", "USD"));
        assertThat(fraud.lossesToDate()).contains(Amount.of("660000.00", "USD"));
        assertThat(fraud.achievedReduction()).contains(new BigDecimal("40.0"));
        assertThat(fraud.savedToDate()).contains(Amount.of("440000.00", "USD"));
        assertThat(fraud.targetSaving()).isEqualTo(Amount.of("1320000.00", "USD"));
        assertThat(fraud.onTarget()).isFalse();
        assertThat(fraud.origin()).isEqualTo(ActualSource.MEASURED_FRAUD_LOSSES);
    }

    @Test
    void fraudLossesAreSetAgainstOnlyTheTimeTheQueueCovers() {
        Instant quarterAgo = HALF_YEAR.minusSeconds((long) (365.2425 * 86_400 / 4));
        List<RoiProgress> p = RoiCalculator.progress(List.of(FRAUD), SETTINGS,
                new RoiMeasurements(Optional.of(Amount.of("275000", "USD")), Optional.of(quarterAgo), Optional.empty()),
                Map.of(), RATES, HALF_YEAR);

        // a quarter of 2.2 M expected over the covered window; 275k lost is half of that
        assertThat(p.getFirst().expectedToDate()).isEqualTo(Amount.of("550000", "USD"));
        assertThat(p.getFirst().achievedReduction()).contains(new BigDecimal("50.0"));
    }

    @Test
    void downtimeIsPricedPerHour() {
        List<RoiProgress> p = RoiCalculator.progress(List.of(DOWNTIME), SETTINGS,
                new RoiMeasurements(Optional.empty(), Optional.of(Duration.ofMinutes(90))), Map.of(), RATES, HALF_YEAR);

        // 1.5 h at 25,000 = 37,500 against 400,000 expected: 90.6 % reduction, past the 70 % target
        assertThat(p.getFirst().lossesToDate()).contains(Amount.of("37500.00", "USD"));
        assertThat(p.getFirst().achievedReduction()).contains(new BigDecimal("90.6"));
        assertThat(p.getFirst().onTarget()).isTrue();
    }

    @Test
    void enteredLossesCountWhereNothingIsMeasuredAndAMissingEntryStaysUnknown() {
        RoiActual fines = new RoiActual("compliance-fines", Amount.of("5000", "USD"), START, "alice", "one fine");
        List<RoiProgress> p = RoiCalculator.progress(List.of(FRAUD, FINES), SETTINGS, RoiMeasurements.none(),
                Map.of("compliance-fines", fines), RATES, HALF_YEAR);

        assertThat(p.get(0).lossesToDate()).isEmpty();
        assertThat(p.get(0).achievedReduction()).isEmpty();
        // 100,000 expected, 5,000 lost
        assertThat(p.get(1).lossesToDate()).contains(Amount.of("5000.00", "USD"));
        assertThat(p.get(1).achievedReduction()).contains(new BigDecimal("95.0"));
        assertThat(p.get(1).origin()).isEqualTo(ActualSource.ENTERED);
    }

    @Test
    void amountsAreConvertedToTheReportingCurrencyAndRoundedToItsDigits() {
        RoiSettings won = SETTINGS.withReportingCurrency(Currency.getInstance("KRW"));

        RoiProgress fraud = RoiCalculator.progress(List.of(FRAUD), won, RoiMeasurements.none(), Map.of(), RATES, HALF_YEAR).getFirst();

        assertThat(fraud.baseline()).isEqualTo(new Amount(new BigDecimal("3080000000"), Currency.getInstance("KRW")));
        assertThat(fraud.baseline().scaled().toPlainString()).isEqualTo("3080000000");
    }

    @Test
    void beforeTheStartNothingIsExpectedAndNoReductionIsClaimed() {
        RoiProgress fraud = RoiCalculator.progress(List.of(FRAUD), SETTINGS,
                new RoiMeasurements(Optional.of(Amount.of("0", "USD")), Optional.empty()), Map.of(), RATES, START.minusSeconds(60)).getFirst();

        assertThat(fraud.expectedToDate().value()).isZero();
        assertThat(fraud.achievedReduction()).isEmpty();
    }

    @Test
    void aCurrencyWithoutARateIsRefusedByName() {
        RoiSettings yen = SETTINGS.withReportingCurrency(Currency.getInstance("JPY"));

        assertThatThrownBy(() -> RoiCalculator.progress(List.of(FRAUD), yen, RoiMeasurements.none(), Map.of(), RATES, HALF_YEAR))
                .hasMessage("There is no reference rate for JPY; report in one of EUR, INR, KRW, USD.");
    }

    @Test
    void rowsRefuseImpossibleValues() {
        assertThatThrownBy(() -> new RoiRow("x", "X", Amount.of("1", "USD"), new BigDecimal("101"), 12, "", ActualSource.ENTERED))
                .hasMessage("the target reduction of 'X' must be between 0 and 100 %, got 101");
        assertThatThrownBy(() -> new RoiRow("x", "X", Amount.of("-1", "USD"), BigDecimal.TEN, 12, "", ActualSource.ENTERED))
                .hasMessage("the baseline of 'X' must not be negative");
        assertThatThrownBy(() -> new RoiRow("Bad Id", "X", Amount.of("1", "USD"), BigDecimal.TEN, 12, "", ActualSource.ENTERED))
                .hasMessageStartingWith("an ROI row id is");
        assertThatThrownBy(() -> new RoiRow("x", "X", Amount.of("1", "USD"), BigDecimal.TEN, 0, "", ActualSource.ENTERED))
                .hasMessage("the time frame of 'X' must be 1 to 120 months, got 0");
    }

    @Test
    void theShippedReferenceRatesLoad() {
        ExchangeRates reference = ExchangeRates.reference();

        assertThat(reference.currencies()).contains("USD", "EUR", "INR", "KRW");
        assertThat(reference.convert(Amount.of("100", "USD"), USD)).isEqualTo(Amount.of("100", "USD"));
    }
}
