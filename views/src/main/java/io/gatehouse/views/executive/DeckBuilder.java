package io.gatehouse.views.executive;

import io.gatehouse.data.defense.AreaGap;
import io.gatehouse.data.defense.AuditItem;
import io.gatehouse.data.defense.GapAnalysis;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.defense.RiskStep;
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
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.DimensionScore;
import io.gatehouse.data.maturity.TimelinePoint;
import io.gatehouse.data.roi.Amount;
import io.gatehouse.data.roi.RoiProgress;
import io.gatehouse.views.common.I18n;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes the seven executive slides from the gathered facts, in the report's language. */
public final class DeckBuilder {
    /** The audit slide lists the first steps of the path to risk reduction; the rest are counted. */
    static final int MAX_STEPS = 7;

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
        if (facts.maturity().isEmpty()) {
            return new Slide("maturity", i18n.get("exec.slide.maturity"), List.of(), List.of(i18n.get("exec.maturity.none")),
                    Optional.empty(), Optional.empty());
        }
        MaturityFacts m = facts.maturity().get();
        Map<Dimension, DimensionScore> now = m.current().scores();
        Optional<Map<Dimension, DimensionScore>> before = m.previous().map(Assessment::scores);
        List<KeyFigure> figures = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        List<Tone> tones = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        List<Double> previous = new ArrayList<>();
        List<String> axes = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            String name = i18n.get(SlideKeys.dimension(d));
            double value = now.get(d).value();
            int goal = m.current().target(d);
            Optional<Double> was = before.map(b -> b.get(d).value());
            Tone tone = value >= goal ? Tone.GOOD : value >= goal - 1 ? Tone.WARNING : Tone.BAD;
            figures.add(new KeyFigure(name, f.oneDecimal(value), i18n.get("exec.maturity.figureCaption", goal,
                    was.map(w -> f.signed(value - w)).orElse("–")), tone));
            List<TimelinePoint> history = m.timeline().getOrDefault(d, List.of());
            String trend = history.isEmpty() ? "–" : String.join(" → ", history.stream().map(p -> f.oneDecimal(p.value())).toList());
            rows.add(List.of(name, was.map(f::oneDecimal).orElse("–"), f.oneDecimal(value), Integer.toString(goal),
                    f.oneDecimal(Math.max(0, goal - value)), trend));
            tones.add(tone);
            axes.add(name);
            current.add(value);
            target.add((double) goal);
            was.ifPresent(previous::add);
        }
        List<SlideFigure.RadarLine> lines = new ArrayList<>();
        if (m.previous().isPresent()) {
            lines.add(new SlideFigure.RadarLine(i18n.get("exec.maturity.previous"), previous,
                    SlideFigure.RadarLine.Role.PREVIOUS));
        }
        lines.add(new SlideFigure.RadarLine(i18n.get("exec.maturity.target"), target, SlideFigure.RadarLine.Role.TARGET));
        lines.add(new SlideFigure.RadarLine(i18n.get("exec.maturity.current"), current,
                SlideFigure.RadarLine.Role.CURRENT));
        SlideTable table = new SlideTable(List.of(i18n.get("exec.maturity.col.dimension"), i18n.get("exec.maturity.col.previous"),
                i18n.get("exec.maturity.col.current"), i18n.get("exec.maturity.col.target"), i18n.get("exec.maturity.col.gap"),
                i18n.get("exec.maturity.col.trend")), rows, List.of(false, true, true, true, true, false), tones);
        return new Slide("maturity", i18n.get("exec.slide.maturity"), figures,
                List.of(m.previous().map(p -> i18n.get("exec.maturity.explainWithPrevious", m.current().name(), f.date(m.current().date()),
                        p.name(), f.date(p.date()))).orElse(i18n.get("exec.maturity.explain", m.current().name(), f.date(m.current().date())))),
                Optional.of(new SlideFigure.Radar(axes, lines)), Optional.of(table));
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
            String name = i18n.get(SlideKeys.axis(axis.axis()));
            String value = axis.neutral() ? i18n.get("exec.friction.neutral", f.decimal(axis.value())) : f.decimal(axis.value());
            bars.add(new SlideFigure.Bar(name, axis.value(), value, impact ? harmTone(axis.value()) : scoreTone(axis.value() * 100)));
            for (FrictionTerm t : axis.terms()) {
                rows.add(List.of(name, i18n.get(SlideKeys.component(t.component())), measured(t, facts),
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
        if (facts.maturity().isEmpty() || facts.maturity().get().current().auditItems().isEmpty()) {
            return new Slide("audit", i18n.get("exec.slide.audit"), List.of(), List.of(i18n.get("exec.audit.none")),
                    Optional.empty(), Optional.empty());
        }
        GapAnalysis gaps = facts.maturity().get().current().gapAnalysis();
        List<SlideFigure.Bar> bars = new ArrayList<>();
        for (AreaGap area : gaps.areas()) {
            if (area.total() == 0) {
                continue;
            }
            double rate = area.passRate();
            bars.add(new SlideFigure.Bar(i18n.get(SlideKeys.auditArea(area.area())), rate,
                    i18n.get("exec.audit.passed", area.passed(), area.total()), rate >= 0.8 ? Tone.GOOD : rate >= 0.5 ? Tone.WARNING : Tone.BAD));
        }
        List<List<String>> rows = new ArrayList<>();
        List<Tone> tones = new ArrayList<>();
        int shown = 0;
        for (RiskStep step : gaps.path()) {
            if (shown++ == MAX_STEPS) {
                break;
            }
            AuditItem item = step.item();
            rows.add(List.of(Integer.toString(step.order()), item.title(), Integer.toString(item.impact()), item.owner().isBlank() ? "–" : item.owner(),
                    item.due() == null ? "–" : f.date(item.due()),
                    i18n.get(SlideKeys.auditStatus(step.result() == null ? ItemStatus.OPEN : step.result().status()))));
            tones.add(item.impact() >= 4 ? Tone.BAD : item.impact() >= 3 ? Tone.WARNING : Tone.NEUTRAL);
        }
        long highOpen = gaps.path().stream().filter(s -> s.item().impact() >= 4).count();
        List<KeyFigure> figures = List.of(
                new KeyFigure(i18n.get("exec.audit.passing"), i18n.get("exec.audit.passed", gaps.passed(), gaps.total()),
                        f.percent(gaps.passRate()), gaps.passRate() >= 0.8 ? Tone.GOOD : gaps.passRate() >= 0.5 ? Tone.WARNING : Tone.BAD),
                new KeyFigure(i18n.get("exec.audit.gaps"), Integer.toString(gaps.path().size()), i18n.get("exec.audit.gapsCaption"),
                        gaps.path().isEmpty() ? Tone.GOOD : Tone.WARNING),
                new KeyFigure(i18n.get("exec.audit.highImpact"), Long.toString(highOpen), i18n.get("exec.audit.highImpactCaption"),
                        highOpen == 0 ? Tone.GOOD : Tone.BAD));
        SlideTable table = new SlideTable(List.of("#", i18n.get("exec.audit.col.item"), i18n.get("exec.audit.col.impact"),
                i18n.get("exec.audit.col.owner"), i18n.get("exec.audit.col.due"), i18n.get("exec.audit.col.status")),
                rows, List.of(true, false, true, false, true, false), tones);
        List<String> text = List.of(gaps.path().size() > MAX_STEPS
                ? i18n.get("exec.audit.explain") + " " + i18n.get("exec.audit.more", gaps.path().size() - MAX_STEPS)
                : i18n.get("exec.audit.explain"));
        return new Slide("audit", i18n.get("exec.slide.audit"), figures, text, Optional.of(new SlideFigure.Bars(bars)),
                rows.isEmpty() ? Optional.empty() : Optional.of(table));
    }

    private Slide roi(ExecutiveFacts facts) {
        List<List<String>> rows = new ArrayList<>();
        List<Tone> tones = new ArrayList<>();
        for (RoiProgress p : facts.roi()) {
            rows.add(List.of(p.row().area(), f.money(p.baseline()), f.percentUnits(p.row().targetReduction()),
                    i18n.get("exec.roi.months", p.row().timeFrameMonths()),
                    p.lossesToDate().map(f::money).orElse(i18n.get("exec.roi.notEntered")),
                    p.achievedReduction().map(f::percentUnits).orElse("–"),
                    i18n.get(SlideKeys.roiSource(p.origin())) + (p.row().notes().isBlank() ? "" : " · " + p.row().notes())));
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
                    status.map(s -> i18n.get(SlideKeys.keyStatus(s))).orElse(i18n.get("exec.keys.noPrimary"))));
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
        return i18n.get(SlideKeys.risk(level));
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
