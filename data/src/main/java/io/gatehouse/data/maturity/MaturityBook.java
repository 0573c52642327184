package io.gatehouse.data.maturity;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.evidence.EvidenceBoard;
import io.gatehouse.data.evidence.Measurement;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.store.LocalStore;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The assessments kept in the local store: saving and listing them, their history per dimension, the
 * previous assessment of any one, automatic evidence, and import with nothing half-done. Reading
 * needs {@link Permission#VIEW_EXECUTIVE}; changing needs {@link Permission#EDIT_ASSESSMENTS}, and
 * every change leaves an audit entry in the same transaction.
 */
public final class MaturityBook {
    private final LocalStore store;
    private final AuditLog audit;
    private final OperatorSession session;
    private final InstantSource clock;
    private final EvidenceBoard evidence;
    private final CatalogueSource catalogues;
    /** Work on the book that this handle lets finish before it reads or changes anything; done for a plain book. */
    private final CompletableFuture<?> before;

    public MaturityBook(LocalStore store, AuditLog audit, OperatorSession session, InstantSource clock,
            EvidenceBoard evidence, CatalogueSource catalogues) {
        this(store, audit, session, clock, evidence, catalogues, CompletableFuture.completedFuture(null));
    }

    private MaturityBook(LocalStore store, AuditLog audit, OperatorSession session, InstantSource clock,
            EvidenceBoard evidence, CatalogueSource catalogues, CompletableFuture<?> before) {
        this.store = Objects.requireNonNull(store, "store");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.session = Objects.requireNonNull(session, "session");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.catalogues = Objects.requireNonNull(catalogues, "catalogues");
        this.before = Objects.requireNonNull(before, "before");
    }

    /**
     * The same book, through a handle whose every assessment read and change first waits for {@code work} (the
     * sandbox's sample assessments, written in the background while the console opens), so that no caller sees the
     * book half-filled. If the work fails, the handle answers from the book as it stands. The work itself goes
     * through this book, not the handle.
     */
    public MaturityBook after(CompletionStage<?> work) {
        return new MaturityBook(store, audit, session, clock, evidence, catalogues, work.toCompletableFuture());
    }

    private void settle() {
        if (before.isDone()) {
            return;
        }
        try {
            before.join();
        } catch (CompletionException | CancellationException failed) {
            // whoever ran the work reported its failure; the book is as that work left it
        }
    }

    /** Every assessment, oldest first. */
    public List<AssessmentSummary> list() {
        settle();
        session.require(Permission.VIEW_EXECUTIVE);
        return store.read(AssessmentRows::list);
    }

    public Optional<Assessment> find(String id) {
        settle();
        session.require(Permission.VIEW_EXECUTIVE);
        return store.read(c -> AssessmentRows.find(c, id));
    }

    /** The most recent assessment by date. */
    public Optional<Assessment> latest() {
        List<AssessmentSummary> all = list();
        return all.isEmpty() ? Optional.empty() : find(all.getLast().id());
    }

    /** The assessment just before {@code id} in date order, for "previous" on the radar. */
    public Optional<Assessment> previous(String id) {
        List<AssessmentSummary> all = list();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return find(all.get(i - 1).id());
            }
        }
        return Optional.empty();
    }

    /** Each dimension's maturity over the assessments, oldest first. */
    public Map<Dimension, List<TimelinePoint>> timeline() {
        settle();
        session.require(Permission.VIEW_EXECUTIVE);
        return store.read(c -> {
            Map<Dimension, List<TimelinePoint>> all = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) {
                all.put(d, AssessmentRows.timeline(c, d));
            }
            return all;
        });
    }

    public AssessmentComparison compare(String beforeId, String afterId) {
        return AssessmentComparison.of(require(beforeId), require(afterId));
    }

    private Assessment require(String id) {
        return find(id).orElseThrow(() -> new AssessmentFileException("There is no assessment '" + id + "'.", null));
    }

    /** The catalogue new assessments use: the user's copy, or the shipped one. */
    public Catalogue catalogue() {
        return catalogues.current();
    }

    /**
     * Starts a new assessment dated today, with the current catalogue and fresh automatic evidence.
     * Answers and targets carry over from the latest assessment, so a quarterly review edits what changed.
     */
    public Assessment draft(String name) {
        settle();
        session.require(Permission.EDIT_ASSESSMENTS);
        Catalogue catalogue = catalogue();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Assessment blank = Assessment.blank(UUID.randomUUID().toString(), name, today, catalogue, Map.of());
        Optional<Assessment> last = latest();
        if (last.isPresent()) {
            Assessment before = last.get();
            List<Answer> carried = new ArrayList<>();
            before.answers().stream().filter(a -> catalogue.criterion(a.criterion()).isPresent()).forEach(carried::add);
            blank = blank.withAnswers(carried).withTargets(before.targets()).withAuditResults(
                    before.auditResults().stream().filter(r -> catalogue.auditItem(r.item()).isPresent()).toList());
        }
        return refreshEvidence(blank);
    }

    /** Runs every automatic check and fills the assessment's automatic answers and checklist items. */
    public Assessment refreshEvidence(Assessment assessment) {
        Map<String, Measurement> measured = evidence.measureAll();
        return EvidenceRefresh.apply(assessment, measured);
    }

    public EvidenceBoard evidence() {
        return evidence;
    }

    /** Saves (or replaces) {@code assessment}. */
    public Assessment save(Assessment assessment) {
        settle();
        session.require(Permission.EDIT_ASSESSMENTS);
        return store.write(c -> {
            AssessmentRows.put(c, assessment, clock.millis());
            audit.appendIn(c, "maturity.assessment.saved", "assessment/" + assessment.id(),
                    Map.of("name", assessment.name(), "date", assessment.date().toString()), null);
            return assessment;
        });
    }

    public boolean delete(String id) {
        settle();
        session.require(Permission.EDIT_ASSESSMENTS);
        return store.write(c -> {
            boolean removed = AssessmentRows.delete(c, id);
            if (removed) {
                audit.appendIn(c, "maturity.assessment.deleted", "assessment/" + id, Map.of(), null);
            }
            return removed;
        });
    }

    /**
     * Imports assessments read from a file in one transaction: if any id is already taken, none is
     * imported and the error names it.
     */
    public List<Assessment> importAll(List<Assessment> assessments, String from) {
        settle();
        session.require(Permission.EDIT_ASSESSMENTS);
        return store.write(c -> {
            for (Assessment a : assessments) {
                if (AssessmentRows.exists(c, a.id())) {
                    throw new AssessmentFileException("Cannot import " + from + ": an assessment with id '" + a.id()
                            + "' already exists. Nothing was imported.", null);
                }
            }
            for (Assessment a : assessments) {
                AssessmentRows.put(c, a, clock.millis());
                audit.appendIn(c, "maturity.assessment.imported", "assessment/" + a.id(),
                        Map.of("name", a.name(), "from", from), null);
            }
            return List.copyOf(assessments);
        });
    }

    /** Makes {@code catalogue} the one new assessments use. */
    public void installCatalogue(Catalogue catalogue) {
        session.require(Permission.EDIT_ASSESSMENTS);
        catalogues.install(catalogue);
        audit.append("maturity.catalogue.installed", "catalogue/" + catalogue.name(),
                Map.of("criteria", String.valueOf(catalogue.criteria().size()),
                        "auditItems", String.valueOf(catalogue.auditItems().size())));
    }
}
