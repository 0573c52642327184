package io.gatehouse.views.executive;

import io.gatehouse.data.executive.RegionRisk;
import io.gatehouse.data.executive.RiskLevel;
import io.gatehouse.data.friction.AxisScore;
import io.gatehouse.data.friction.FrictionAxis;
import io.gatehouse.data.friction.FrictionScore;
import io.gatehouse.data.friction.FrictionTerm;
import io.gatehouse.data.friction.FrictionWeights;
import io.gatehouse.data.keys.CryptoperiodStatus;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.roi.Amount;
import io.gatehouse.data.roi.RoiProgress;
import io.gatehouse.views.common.I18n;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes the seven executive slides from the gathered facts, in the report's language. */
public final class DeckBuilder {
    private final I18n i18n;
    private final SlideFormats f;
    private final String watermarkText;

    public DeckBuilder(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.f = new SlideFormats(i18n, zone);
        this.watermarkText = i18n.get("sandbox.badge");
    }

    public Deck build(ExecutiveFacts facts) {
        List<Slide> slides = List.of(summary(facts), regions(facts), maturity(facts), friction(facts), auditGaps(facts),
                roi(facts), keys(facts));
        String footer = i18n.get("exec.deck.footer", facts.source(), f.dateTime(facts.at()));
        return new Deck(i18n.get("exec.deck.title"), footer, facts.simulated() ? watermarkText : null, slides);
    }

    private Slide summary(ExecutiveFacts facts) {
        long exposed = facts.regions().stream().filter(r -> r.level().compareTo(RiskLevel.ELEVATED) >= 0).count();
        RiskLevel worst = facts.regions().stream().map(RegionRisk::level).max(Enum::compareTo).orElse(RiskLevel.UNKNOWN);
        KeyFigure risk = new KeyFigure(i18n.get("exec.summary.risk"), riskName(worst),
                facts.regions().isEmpty() ? i18n.get("exec.summary.noTelemetry")
                        : i18n.get("exec.summary.riskCaption", exposed, facts.regions().size()), tone(worst));
        FrictionScore score = facts.friction();
        KeyFigure resilience = new KeyFigure(i18n.get("exec.summary.resilience"),
                i18n.get("exec.score.outOf", score.rounded()), i18n.get("exec.summary.resilienceCaption"), scoreTone(score.score()));
        Amount target = sum(facts, facts.roi().stream().map(RoiProgress::targetSaving).toList());
        Amount saved = sum(facts, facts.roi().stream().flatMap(p -> p.savedToDate().stream()).toList());
        KeyFigure roi = new KeyFigure(i18n.get("exec.summary.roi"), f.money(saved.rounded()),
                i18n.get("exec.summary.roiCaption", f.money(target)), saved.value().signum() > 0 ? Tone.GOOD : Tone.NEUTRAL);
        List<String> text = new ArrayList<>();
        text.add(i18n.get("exec.summary.riskText", exposed, facts.regions().size()));
        text.add(facts.response().incidents() == 0 ? i18n.get("exec.summary.noIncidents")
                : i18n.get("exec.summary.responseText", facts.response().incidents(),
                        facts.response().meanTimeToDetect().map(f::duration).orElse("–"),
                        facts.response().meanTimeToContain().map(f::duration).orElse("–")));
        text.add(i18n.get("exec.summary.roiText", f.money(saved.rounded()), f.money(target)));
        return new Slide("summary", i18n.get("exec.slide.summary"), List.of(risk, resilience, roi), text,
                Optional.empty(), Optional.empty());
    }

    private Slide regions(ExecutiveFacts facts) {
        List<List<String>> rows = new ArrayList<>();
        List<Tone> tones = new ArrayList<>();
        for (RegionRisk r : facts.regions()) {
            rows.add(List.of(r.region(), riskName(r.level()),
                    r.fraudFlagRate().isPresent() ? f.percent(r.fraudFlagRate().getAsDouble()) : "–",
                    r.errorRate().isPresent() ? f.percent(r.errorRate().getAsDouble()) : "–",
                    r.authorisationRate().isPresent() ? f.percent(r.authorisationRate().getAsDouble()) : "–"));
            tones.add(tone(r.level()));
        }
        SlideTable table = new SlideTable(List.of(i18n.get("exec.regions.region"), i18n.get("exec.regions.risk"),
                i18n.get("exec.regions.fraudFlags"), i18n.get("exec.regions.errors"), i18n.get("exec.regions.authorised")),
                rows, List.of(false, false, true, true, true), tones);
        List<String> text = facts.regions().isEmpty() ? List.of(i18n.get("exec.regions.none"))
                : List.of(i18n.get("exec.regions.legend"));
        return new Slide("regions", i18n.get("exec.slide.regions"), List.of(), text,
                Optional.of(new SlideFigure.WorldMap(facts.regions())), facts.regions().isEmpty() ? Optional.empty() : Optional.of(table));
    }

    private Slide maturity(ExecutiveFacts facts) {
        return new Slide("maturity", i18n.get("exec.slide.maturity"), List.of(), List.of(i18n.get("exec.maturity.none")),
                Optional.empty(), Optional.empty());
    }

    private Slide friction(ExecutiveFacts facts) {
        FrictionScore s = facts.friction();
        List<KeyFigure> figures = new ArrayList<>();
        figures.add(new KeyFigure(i18n.get("exec.friction.score"), i18n.get("exec.score.outOf", s.rounded()),
                i18n.get("exec.friction.scoreCaption"), scoreTone(s.score())));
        List<SlideFigure.Bar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Tone> tones = new ArrayList<>();
        for (AxisScore axis : s.axes()) {
            boolean impact = axis.axis() == FrictionAxis.CLIENT_IMPACT;
            String name = i18n.get("exec.friction.axis." + axis.axis().name());
            String value = axis.neutral() ? i18n.get("exec.friction.neutral", f.decimal(axis.value())) : f.decimal(axis.value());
            bars.add(new SlideFigure.Bar(name, axis.value(), value, impact ? harmTone(axis.value()) : scoreTone(axis.value() * 100)));
            for (FrictionTerm t : axis.terms()) {
                rows.add(List.of(name, i18n.get("exec.friction.component." + t.component().name()), measured(t, facts),
                        t.defined() ? f.decimal(t.normalised()) : "–", f.decimal(t.weight()), f.decimal(t.contribution())));
                tones.add(!t.defined() ? Tone.NEUTRAL : impact ? harmTone(t.normalised()) : scoreTone(t.normalised() * 100));
            }
        }
        SlideTable table = new SlideTable(List.of(i18n.get("exec.friction.col.axis"), i18n.get("exec.friction.col.component"),
                i18n.get("exec.friction.col.measured"), i18n.get("exec.friction.col.normalised"),
                i18n.get("exec.friction.col.weight"), i18n.get("exec.friction.col.contribution")),
                rows, List.of(false, false, true, true, true, true), tones);
        String formula = i18n.get("exec.friction.formula", f.decimal(FrictionWeights.BARRIER), f.decimal(FrictionWeights.RESPONSE),
                f.decimal(FrictionWeights.RECOVERY), f.decimal(FrictionWeights.IMPACT_CAP));
        String worked = i18n.get("exec.friction.worked", f.decimal(s.axis(FrictionAxis.BARRIER).value()),
                f.decimal(s.axis(FrictionAxis.RESPONSE).value()), f.decimal(s.axis(FrictionAxis.RECOVERY).value()),
                f.decimal(s.defence()), f.decimal(s.impact()), f.decimal(s.score()));
        return new Slide("friction", i18n.get("exec.slide.friction"), figures, List.of(formula, worked),
                Optional.of(new SlideFigure.Bars(bars)), Optional.of(table));
    }

    private String measured(FrictionTerm t, ExecutiveFacts facts) {
        return switch (t.component().kind()) {
            case RATIO -> t.ratio().filter(r -> r.value().isPresent())
                    .map(r -> i18n.get("exec.friction.ratio", f.count(r.part()), f.count(r.whole()), f.percent(r.value().getAsDouble())))
                    .orElse(i18n.get("exec.friction.noTraffic"));
            case DURATION -> t.duration().map(f::duration)
                    .orElse(t.defined() ? i18n.get("exec.friction.open") : i18n.get("exec.friction.noIncidents"));
            case MONEY -> t.amount().map(a -> i18n.get("exec.friction.costOf", f.money(new Amount(a, facts.currency()).rounded()),
                    f.money(new Amount(t.reference().orElseThrow(), facts.currency()).rounded())))
                    .orElse(i18n.get("exec.friction.noDowntime"));
        };
    }

    private Slide auditGaps(ExecutiveFacts facts) {
        return new Slide("audit", i18n.get("exec.slide.audit"), List.of(), List.of(i18n.get("exec.audit.none")),
                Optional.empty(), Optional.empty());
    }

    private Slide roi(ExecutiveFacts facts) {
        List<List<String>> rows = new ArrayList<>();
        List<Tone> tones = new ArrayList<>();
        for (RoiProgress p : facts.roi()) {
            rows.add(List.of(p.row().area(), f.money(p.baseline()), f.percentUnits(p.row().targetReduction()),
                    i18n.get("exec.roi.months", p.row().timeFrameMonths()),
                    p.lossesToDate().map(f::money).orElse(i18n.get("exec.roi.notEntered")),
                    p.achievedReduction().map(f::percentUnits).orElse("–"),
                    i18n.get("exec.roi.source." + p.origin().name()) + (p.row().notes().isBlank() ? "" : " · " + p.row().notes())));
            tones.add(p.achievedReduction().isEmpty() ? Tone.NEUTRAL : p.onTarget() ? Tone.GOOD
                    : p.achievedReduction().get().signum() > 0 ? Tone.WARNING : Tone.BAD);
        }
        SlideTable table = new SlideTable(List.of(i18n.get("exec.roi.col.area"), i18n.get("exec.roi.col.baseline"),
                i18n.get("exec.roi.col.target"), i18n.get("exec.roi.col.timeFrame"), i18n.get("exec.roi.col.losses"),
                i18n.get("exec.roi.col.achieved"), i18n.get("exec.roi.col.notes")),
                rows, List.of(false, true, true, true, true, true, false), tones);
        Amount baseline = sum(facts, facts.roi().stream().map(RoiProgress::baseline).toList());
        Amount target = sum(facts, facts.roi().stream().map(RoiProgress::targetSaving).toList());
        Amount saved = sum(facts, facts.roi().stream().flatMap(p -> p.savedToDate().stream()).toList());
        List<KeyFigure> figures = List.of(
                new KeyFigure(i18n.get("exec.roi.baseline"), f.money(baseline), i18n.get("exec.roi.perYear"), Tone.NEUTRAL),
                new KeyFigure(i18n.get("exec.roi.targetSaving"), f.money(target), i18n.get("exec.roi.perYear"), Tone.NEUTRAL),
                new KeyFigure(i18n.get("exec.roi.saved"), f.money(saved.rounded()), i18n.get("exec.roi.savedCaption"),
                        saved.value().signum() > 0 ? Tone.GOOD : Tone.NEUTRAL));
        return new Slide("roi", i18n.get("exec.slide.roi"), figures, List.of(i18n.get("exec.roi.explain")),
                Optional.empty(), Optional.of(table));
    }

    private Slide keys(ExecutiveFacts facts) {
        List<List<String>> rows = new ArrayList<>();
        List<Tone> tones = new ArrayList<>();
        int ok = 0;
        int warning = 0;
        int expired = 0;
        for (KeyRing ring : facts.keyRings()) {
            Optional<KeyVersion> active = ring.active();
            Optional<CryptoperiodStatus> status = active.map(a -> ring.policy().status(a.stateSince(), facts.at()));
            switch (status.orElse(CryptoperiodStatus.EXPIRED)) {
                case OK -> ok++;
                case WARNING -> warning++;
                case EXPIRED -> expired++;
            }
            rows.add(List.of(ring.name(), active.map(a -> "v" + a.number()).orElse("–"), ring.policy().algorithm().name(),
                    active.map(a -> f.date(a.stateSince())).orElse("–"),
                    active.map(a -> f.date(a.stateSince().plus(ring.policy().cryptoperiod()))).orElse("–"),
                    status.map(s -> i18n.get("exec.keys.status." + s.name())).orElse(i18n.get("exec.keys.noPrimary"))));
            tones.add(status.map(s -> switch (s) {
                case OK -> Tone.GOOD;
                case WARNING -> Tone.WARNING;
                case EXPIRED -> Tone.BAD;
            }).orElse(Tone.BAD));
        }
        List<KeyFigure> figures = List.of(
                new KeyFigure(i18n.get("exec.keys.rings"), Integer.toString(facts.keyRings().size()), i18n.get("exec.keys.ringsCaption"), Tone.NEUTRAL),
                new KeyFigure(i18n.get("exec.keys.ok"), Integer.toString(ok), i18n.get("exec.keys.okCaption"), ok > 0 ? Tone.GOOD : Tone.NEUTRAL),
                new KeyFigure(i18n.get("exec.keys.warning"), Integer.toString(warning), i18n.get("exec.keys.warningCaption"),
                        warning > 0 ? Tone.WARNING : Tone.NEUTRAL),
                new KeyFigure(i18n.get("exec.keys.expired"), Integer.toString(expired), i18n.get("exec.keys.expiredCaption"),
                        expired > 0 ? Tone.BAD : Tone.NEUTRAL));
        SlideTable table = new SlideTable(List.of(i18n.get("exec.keys.col.ring"), i18n.get("exec.keys.col.primary"),
                i18n.get("exec.keys.col.algorithm"), i18n.get("exec.keys.col.since"), i18n.get("exec.keys.col.rotateBy"),
                i18n.get("exec.keys.col.status")), rows, List.of(false, false, false, true, true, false), tones);
        return new Slide("keys", i18n.get("exec.slide.keys"), figures,
                facts.keyRings().isEmpty() ? List.of(i18n.get("exec.keys.none")) : List.of(),
                Optional.empty(), facts.keyRings().isEmpty() ? Optional.empty() : Optional.of(table));
    }

    private String riskName(RiskLevel level) {
        return i18n.get("exec.risk." + level.name());
    }

    private static Tone tone(RiskLevel level) {
        return switch (level) {
            case UNKNOWN -> Tone.NEUTRAL;
            case LOW -> Tone.GOOD;
            case ELEVATED -> Tone.WARNING;
            case HIGH -> Tone.BAD;
        };
    }

    /** Scores 0..100: 70 and up reads good, below 40 bad. */
    static Tone scoreTone(double score) {
        return score >= 70 ? Tone.GOOD : score >= 40 ? Tone.WARNING : Tone.BAD;
    }

    private static Tone harmTone(double harm) {
        return harm < 0.3 ? Tone.GOOD : harm < 0.6 ? Tone.WARNING : Tone.BAD;
    }

    private static Amount sum(ExecutiveFacts facts, List<Amount> amounts) {
        Amount total = Amount.zero(facts.currency());
        for (Amount a : amounts) {
            total = total.plus(a);
        }
        return total;
    }
}
