package io.gatehouse.app.wiring;

import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.executive.RegionRisk;
import io.gatehouse.data.executive.RegionalRisk;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.friction.BoundaryChecklist;
import io.gatehouse.data.friction.FrictionFormula;
import io.gatehouse.data.friction.FrictionInputs;
import io.gatehouse.data.friction.Ratio;
import io.gatehouse.data.friction.ReviewReversals;
import io.gatehouse.data.incidents.ResponseTimes;
import io.gatehouse.data.incidents.ResponseTimesSource;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyRingView;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.CatalogueSource;
import io.gatehouse.data.maturity.MaturityBook;
import io.gatehouse.data.evidence.EvidenceBoard;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.ReviewCase;
import io.gatehouse.data.review.ReviewDesk;
import io.gatehouse.data.roi.Amount;
import io.gatehouse.data.roi.ExchangeRates;
import io.gatehouse.data.roi.FraudLossTally;
import io.gatehouse.data.roi.RoiBook;
import io.gatehouse.data.roi.RoiMeasurements;
import io.gatehouse.data.roi.RoiProgress;
import io.gatehouse.data.roi.RoiRow;
import io.gatehouse.data.roi.RoiSettings;
import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.data.telemetry.KpiSample;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.views.executive.ExecutiveFacts;
import io.gatehouse.views.executive.ExecutiveSource;
import io.gatehouse.views.executive.MaturityFacts;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gathers the executive facts from the console's services: telemetry for regional risk and the
 * edge, the fraud queue for fraud losses and reversals, the incident log for response times, key
 * custody, the maturity book and the ROI table. A source the console does not have leaves its
 * part empty, never zero.
 */
public final class ExecutiveWiring implements ExecutiveSource {
    /** The reporting period of response times and the friction score. */
    static final Duration PERIOD = Duration.ofDays(90);
    /** The fraud queue is read at most this many pages deep for losses and reversals. */
    static final int MAX_PAGES = 20;
    private static final System.Logger LOG = System.getLogger(ExecutiveWiring.class.getName());

    private final Composition composition;
    private final TelemetrySource telemetry;
    private final ReviewDesk desk;
    private final ResponseTimesSource incidents;
    private final boolean incidentLog;
    private final InstantSource clock;
    private final String source;
    private final String assessmentId;
    private final RoiBook roi;
    private final MaturityBook maturity;
    private final ExchangeRates rates = ExchangeRates.reference();

    /**
     * @param incidents    the incident log, or null when none is configured (response times are then unmeasured)
     * @param assessmentId the assessment to report on, or null for the latest
     */
    public ExecutiveWiring(Composition composition, TelemetrySource telemetry, ReviewDesk desk, ResponseTimesSource incidents,
            InstantSource clock, String source, String assessmentId) {
        this.composition = composition;
        this.telemetry = telemetry;
        this.desk = desk;
        this.incidentLog = incidents != null;
        this.incidents = incidents == null ? ResponseTimesSource.none() : incidents;
        this.clock = clock;
        this.source = source;
        this.assessmentId = assessmentId;
        this.roi = new RoiBook(composition.store(), composition.auditLog(), composition.session(), clock);
        this.maturity = new MaturityBook(composition.store(), composition.auditLog(), composition.session(), clock,
                EvidenceBoard.empty(clock), new CatalogueSource(composition.directories().dataDirectory(), new SafeFileWriter()));
    }

    private ExecutiveWiring(ExecutiveWiring wiring, MaturityBook maturity) {
        this.composition = wiring.composition;
        this.telemetry = wiring.telemetry;
        this.desk = wiring.desk;
        this.incidentLog = wiring.incidentLog;
        this.incidents = wiring.incidents;
        this.clock = wiring.clock;
        this.source = wiring.source;
        this.assessmentId = wiring.assessmentId;
        this.roi = wiring.roi;
        this.maturity = maturity;
    }

    /** These facts, whose maturity part waits for {@code work} on the assessments (see {@link MaturityBook#after}). */
    public ExecutiveWiring after(java.util.concurrent.CompletionStage<?> work) {
        return new ExecutiveWiring(this, maturity.after(work));
    }

    @Override
    public ExecutiveFacts gather(Currency currency) {
        Instant now = clock.instant();
        ResponseTimes response = incidents.between(now.minus(PERIOD), now);
        RoiSettings saved = roi.settings();
        RoiSettings settings = currency == null ? saved : saved.withReportingCurrency(currency);
        List<ReviewCase> cases = cases();
        Optional<Amount> fraudLosses = desk == null ? Optional.empty()
                : Optional.of(FraudLossTally.between(cases, settings.programmeStart(), now, rates, settings.reportingCurrency()));
        Optional<Duration> downtime = incidentLog ? Optional.of(incidents.between(settings.programmeStart(), now).downtime())
                : Optional.empty();
        Optional<Instant> fraudSince = cases.stream().map(ReviewCase::created).min(Instant::compareTo).or(() -> Optional.of(now));
        List<RoiProgress> progress = roi.progress(settings, new RoiMeasurements(fraudLosses,
                desk == null ? Optional.empty() : fraudSince, downtime), rates);
        Optional<MaturityFacts> maturityFacts = maturity();
        List<RegionRisk> regions = regions(now);
        FrictionInputs inputs = FrictionInputs.empty()
                .withBoundaryChecklist(maturityFacts.map(m -> BoundaryChecklist.of(m.current().auditItems(),
                        m.current().auditResults())).orElse(Ratio.none()))
                .withEdgeStops(edgeStops(now))
                .withResponse(response)
                .withDowntimeCost(downtimeCost(response, settings), downtimeReference(settings))
                .withReversals(desk == null ? Ratio.none() : ReviewReversals.of(cases));
        return new ExecutiveFacts(now, simulated(), source, regions, FrictionFormula.score(inputs), response,
                settings.reportingCurrency(), progress, keyRings(), maturityFacts);
    }

    @Override
    public Optional<RoiBook> roiBook() {
        return Optional.of(roi);
    }

    private boolean simulated() {
        return composition.config().sandboxActive();
    }

    private Optional<MaturityFacts> maturity() {
        Optional<Assessment> current = assessmentId == null ? maturity.latest() : Optional.of(maturity.find(assessmentId)
                .orElseThrow(() -> new GatehouseException(io.gatehouse.data.FailureKind.CONFIGURATION,
                        "There is no assessment '" + assessmentId + "'; the stored ones are: " + String.join(", ",
                                maturity.list().stream().map(s -> s.id()).toList()) + ".")));
        return current.map(a -> new MaturityFacts(a, maturity.previous(a.id()), maturity.timeline()));
    }

    private List<KeyRing> keyRings() {
        try {
            return new KeyRingView(composition.store(), composition.session(), clock).rings();
        } catch (PermissionDeniedException e) {
            // an executive viewer sees the deck without key details; the slide says no ring is shown
            return List.of();
        }
    }

    /** One page after another, newest first, up to {@link #MAX_PAGES}; a failing queue leaves what was read. */
    private List<ReviewCase> cases() {
        if (desk == null) {
            return List.of();
        }
        List<ReviewCase> all = new ArrayList<>();
        String cursor = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                CasePage p = desk.list(CaseFilter.all().withLimit(CaseFilter.MAX_LIMIT), cursor);
                all.addAll(p.cases());
                cursor = p.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
        } catch (GatehouseException e) {
            LOG.log(System.Logger.Level.WARNING, "Reading the fraud queue for the executive figures stopped: " + e.getMessage());
        }
        return all;
    }

    private List<RegionRisk> regions(Instant now) {
        if (telemetry == null) {
            return List.of();
        }
        Map<String, Double> fraud = byRegion(Kpi.FRAUD_FLAG_RATE, now);
        Map<String, Double> errors = byRegion(Kpi.ERROR_RATE, now);
        Map<String, Double> auth = byRegion(Kpi.AUTHORISATION_RATE, now);
        TreeSet<String> names = new TreeSet<>(fraud.keySet());
        names.addAll(errors.keySet());
        names.addAll(auth.keySet());
        return names.stream().map(r -> RegionalRisk.rate(r, opt(fraud.get(r)), opt(errors.get(r)), opt(auth.get(r)))).toList();
    }

    /** Token validation failures per minute (stopped at the edge) against fraud-flagged orders per minute (got past it). */
    private Ratio edgeStops(Instant now) {
        if (telemetry == null) {
            return Ratio.none();
        }
        double stopped = byRegion(Kpi.TOKEN_VALIDATION_FAILURES_PER_MIN, now).values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> attempts = byRegion(Kpi.CHECKOUT_ATTEMPTS_PER_MIN, now);
        Map<String, Double> flagged = byRegion(Kpi.FRAUD_FLAG_RATE, now);
        double beyond = 0;
        for (var e : flagged.entrySet()) {
            beyond += e.getValue() * attempts.getOrDefault(e.getKey(), 0.0);
        }
        return Ratio.of(stopped, stopped + beyond);
    }

    private Map<String, Double> byRegion(Kpi kpi, Instant now) {
        Map<String, Double> values = new TreeMap<>();
        try {
            for (KpiSample s : telemetry.instant(kpi, now)) {
                if (Double.isFinite(s.value()) && s.value() >= 0) {
                    values.merge(s.key().region(), s.value(), Double::sum);
                }
            }
        } catch (GatehouseException e) {
            LOG.log(System.Logger.Level.WARNING, "Telemetry for the executive figures failed: " + e.getMessage());
        }
        return values;
    }

    private BigDecimal downtimeCost(ResponseTimes response, RoiSettings settings) {
        BigDecimal hours = BigDecimal.valueOf(response.downtime().toSeconds()).divide(BigDecimal.valueOf(3600), MathContext.DECIMAL64);
        return rates.convert(settings.downtimeCostPerHour().times(hours), settings.reportingCurrency()).value();
    }

    /** The downtime row's yearly baseline, prorated to the period: a period as costly as before the programme scores one half. */
    private BigDecimal downtimeReference(RoiSettings settings) {
        Optional<RoiRow> row = roi.rows().stream().filter(r -> r.id().equals("downtime")).findFirst();
        BigDecimal share = BigDecimal.valueOf(PERIOD.toDays()).divide(new BigDecimal("365.2425"), MathContext.DECIMAL64);
        return row.map(r -> rates.convert(r.baseline(), settings.reportingCurrency()).value().multiply(share))
                .orElse(BigDecimal.ZERO).max(BigDecimal.ZERO);
    }

    private static OptionalDouble opt(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
