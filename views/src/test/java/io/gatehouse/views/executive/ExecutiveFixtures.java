package io.gatehouse.views.executive;

import io.gatehouse.data.executive.RegionRisk;
import io.gatehouse.data.executive.RegionalRisk;
import io.gatehouse.data.friction.FrictionFormula;
import io.gatehouse.data.friction.FrictionInputs;
import io.gatehouse.data.friction.Ratio;
import io.gatehouse.data.incidents.ResponseTimes;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.RotationPolicy;
import io.gatehouse.data.keys.RotationStep;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.roi.ActualSource;
import io.gatehouse.data.roi.Amount;
import io.gatehouse.data.roi.ExchangeRates;
import io.gatehouse.data.roi.RoiActual;
import io.gatehouse.data.roi.RoiCalculator;
import io.gatehouse.data.roi.RoiMeasurements;
import io.gatehouse.data.roi.RoiRow;
import io.gatehouse.data.roi.RoiSettings;
import io.gatehouse.data.defense.ItemResult;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.maturity.Answer;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.Catalogue;
import io.gatehouse.data.maturity.CatalogueSource;
import io.gatehouse.data.maturity.Criterion;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.Grade;
import io.gatehouse.data.maturity.TimelinePoint;
import java.time.LocalDate;
import java.util.EnumMap;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Executive facts with every slide filled, in any reporting currency. */
public final class ExecutiveFixtures {
    public static final Instant NOW = Instant.parse("2026-07-02T12:00:00Z");

    private ExecutiveFixtures() {
    }

    public static ExecutiveFacts facts(String currency, boolean simulated) {
        ResponseTimes response = new ResponseTimes(4, Optional.of(Duration.ofMinutes(25)), Optional.of(Duration.ofMinutes(150)),
                Optional.of(Duration.ofHours(5)), Duration.ofMinutes(90));
        FrictionInputs inputs = new FrictionInputs(Ratio.of(9, 12), Ratio.of(1840, 2000), Ratio.of(14, 18), response,
                new BigDecimal("37500"), new BigDecimal("400000"), Ratio.of(310, 127_000), Ratio.of(41, 230), Ratio.of(380, 5200));
        List<RoiRow> rows = List.of(
                new RoiRow("auth-friction", "Authentication friction", Amount.of("1500000", "USD"), new BigDecimal("40"), 12,
                        "Balance UX with risk", ActualSource.ENTERED),
                new RoiRow("fraud-losses", "Fraud losses", Amount.of("2200000", "USD"), new BigDecimal("60"), 12,
                        "Layered signals", ActualSource.MEASURED_FRAUD_LOSSES),
                new RoiRow("downtime", "Downtime cost", Amount.of("800000", "USD"), new BigDecimal("70"), 12, "Rapid rollback",
                        ActualSource.MEASURED_DOWNTIME),
                new RoiRow("compliance-fines", "Compliance fines", Amount.of("200000", "USD"), new BigDecimal("90"), 24,
                        "Proactive governance", ActualSource.ENTERED));
        RoiSettings settings = new RoiSettings(Currency.getInstance(currency), Instant.parse("2026-01-01T00:00:00Z"),
                Amount.of("25000", "USD"));
        var progress = RoiCalculator.progress(rows, settings,
                new RoiMeasurements(Optional.of(Amount.of("640000", "USD")), Optional.of(Duration.ofMinutes(90))),
                Map.of("auth-friction", new RoiActual("auth-friction", Amount.of("500000", "USD"), NOW, "alice", "survey")),
                ExchangeRates.reference(), NOW);
        List<RegionRisk> regions = List.of(
                RegionalRisk.rate("north_america", OptionalDouble.of(0.012), OptionalDouble.of(0.004), OptionalDouble.of(0.95)),
                RegionalRisk.rate("eu", OptionalDouble.of(0.009), OptionalDouble.of(0.003), OptionalDouble.of(0.96)),
                RegionalRisk.rate("uk", OptionalDouble.of(0.011), OptionalDouble.of(0.021), OptionalDouble.of(0.94)),
                RegionalRisk.rate("india", OptionalDouble.of(0.016), OptionalDouble.of(0.006), OptionalDouble.of(0.93)),
                RegionalRisk.rate("japan_korea", OptionalDouble.of(0.006), OptionalDouble.of(0.002), OptionalDouble.of(0.97)),
                RegionalRisk.rate("brazil_latam", OptionalDouble.of(0.034), OptionalDouble.of(0.008), OptionalDouble.of(0.88)));
        return new ExecutiveFacts(NOW, simulated, "Profile sandbox", regions, FrictionFormula.score(inputs), response,
                Currency.getInstance(currency), progress, List.of(ring("checkout-signing", 20), ring("audit-chain", 350)),
                Optional.of(maturity()));
    }

    /** Two quarterly assessments of the shipped catalogue; the later one is further along in every dimension. */
    public static MaturityFacts maturity() {
        Assessment before = assessment("q1", "Q1 review", "2026-03-31", 1);
        Assessment now = assessment("q2", "Q2 review", "2026-06-30", 2);
        Map<Dimension, List<TimelinePoint>> timeline = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            timeline.put(d, List.of(point(before, d), point(now, d)));
        }
        return new MaturityFacts(now, Optional.of(before), timeline);
    }

    private static TimelinePoint point(Assessment a, Dimension d) {
        return new TimelinePoint(a.id(), a.name(), a.date(), d, a.scores().get(d).value(), a.target(d));
    }

    /** Levels up to {@code met} (one more for architecture) fully met, the next level half done; half the audit passing. */
    private static Assessment assessment(String id, String name, String date, int met) {
        Catalogue catalogue = CatalogueSource.shipped();
        Assessment a = Assessment.blank(id, name, LocalDate.parse(date), catalogue,
                Map.of(Dimension.ARCHITECTURE, 4, Dimension.EXECUTION, 3, Dimension.MEASUREMENT, 3, Dimension.CULTURE, 3));
        List<Answer> answers = new java.util.ArrayList<>();
        for (Criterion c : catalogue.criteria()) {
            int reach = c.dimension() == Dimension.ARCHITECTURE ? met + 1 : c.dimension() == Dimension.CULTURE ? met - 1 : met;
            Grade grade = c.level() <= reach ? Grade.ALL : c.level() == reach + 1 ? Grade.HALF : Grade.NONE;
            answers.add(Answer.of(c.id(), grade));
        }
        a = a.withAnswers(answers);
        List<ItemResult> results = new java.util.ArrayList<>();
        int i = 0;
        for (var item : catalogue.auditItems()) {
            ItemStatus status = (i++ + met) % 3 == 0 ? ItemStatus.FAIL : i % 4 == 0 ? ItemStatus.OPEN : ItemStatus.PASS;
            results.add(new ItemResult(item.id(), status, "", null));
        }
        return a.withAuditResults(results);
    }

    private static KeyRing ring(String name, int daysActive) {
        RotationPolicy policy = RotationPolicy.defaults(KeyAlgorithm.EC_P256);
        Instant since = NOW.minus(Duration.ofDays(daysActive));
        KeyVersion v = new KeyVersion(name, 3, KeyVersionState.ACTIVE, RotationStep.ACTIVATED, KeyVersion.labelFor(name, 3),
                "kid-" + name, null, since, since, null);
        return new KeyRing(name, policy, List.of(v));
    }
}
