package io.gatehouse.data.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.audit.AuditQuery;
import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.evidence.EvidenceBoard;
import io.gatehouse.data.evidence.EvidenceChecks;
import io.gatehouse.data.evidence.EvidenceProvider;
import io.gatehouse.data.evidence.Measurement;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.PermissionDeniedException;
import io.gatehouse.data.operator.Role;
import io.gatehouse.data.store.LocalStore;
import io.gatehouse.data.testing.ManualClock;
import io.gatehouse.data.testing.TestOperators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaturityBookTest {
    @TempDir
    Path tmp;

    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private LocalStore store;
    private AuditLog audit;
    private MaturityBook book;
    private double keyScore = 1.0;

    @BeforeEach
    void open() {
        store = LocalStore.open(tmp.resolve("data"));
        LocalOperatorSession lead = TestOperators.lead(clock);
        audit = new AuditLog(store, lead, clock);
        book = book(lead);
    }

    private MaturityBook book(LocalOperatorSession session) {
        EvidenceProvider keys = new EvidenceProvider() {
            @Override
            public String check() {
                return EvidenceChecks.KEYS_CRYPTOPERIOD;
            }

            @Override
            public Optional<Measurement> measure(Instant now) {
                return Optional.of(new Measurement(check(), keyScore, "keys measured", "Key custody", now));
            }
        };
        return new MaturityBook(store, new AuditLog(store, session, clock), session, clock,
                new EvidenceBoard(clock, List.of(keys)), new CatalogueSource(tmp.resolve("data"), new SafeFileWriter()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void savedAssessmentsComeBackWithTheirHistoryAndPrevious() {
        Assessment q2 = AssessmentFixtures.quarter("q2", "2026-05-15");
        Assessment q3 = AssessmentFixtures.quarter("q3", "2026-08-15").withAnswer(Answer.of("arc-2-2", Grade.ALL));
        book.save(q3);
        book.save(q2);
        assertThat(book.list()).extracting(AssessmentSummary::id).containsExactly("q2", "q3");
        assertThat(book.find("q3")).contains(q3);
        assertThat(book.latest()).contains(q3);
        assertThat(book.previous("q3")).contains(q2);
        assertThat(book.previous("q2")).isEmpty();
        List<TimelinePoint> arch = book.timeline().get(Dimension.ARCHITECTURE);
        assertThat(arch).extracting(TimelinePoint::assessmentId).containsExactly("q2", "q3");
        assertThat(arch.getLast().value()).isEqualTo(q3.scores().get(Dimension.ARCHITECTURE).value());
        assertThat(arch.getLast().target()).isEqualTo(3);
        assertThat(audit.find(new AuditQuery(null, "maturity.assessment.saved", null, null, null, 10))).hasSize(2);
    }

    @Test
    void aDraftCarriesTheLastAnswersAndFillsAutomaticEvidence() {
        book.save(AssessmentFixtures.quarter("q3", "2026-08-15"));
        keyScore = 1.0;
        Assessment draft = book.draft("Q4 review");
        assertThat(draft.date()).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(draft.answerSet().grade("arc-1-1")).isEqualTo(Grade.ALL);
        Answer keys = draft.answerSet().get("arc-2-1").orElseThrow();
        assertThat(keys.grade()).isEqualTo(Grade.ALL);
        assertThat(keys.measurement().source()).isEqualTo("Key custody");
        assertThat(draft.auditResults()).filteredOn(r -> r.item().equals("audit-tok-1"))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ItemStatus.PASS));
        keyScore = 0.5;
        Assessment refreshed = book.refreshEvidence(draft);
        assertThat(refreshed.answerSet().grade("arc-2-1")).isEqualTo(Grade.HALF);
        assertThat(refreshed.auditResults()).filteredOn(r -> r.item().equals("audit-tok-1"))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ItemStatus.FAIL));
    }

    @Test
    void anImportWithATakenIdImportsNothing() {
        book.save(AssessmentFixtures.quarter("q3", "2026-08-15"));
        List<Assessment> file = List.of(AssessmentFixtures.quarter("q1", "2026-02-15"), AssessmentFixtures.quarter("q3", "2026-08-16"));
        assertThatThrownBy(() -> book.importAll(file, "team.gatehouse.json")).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("'q3' already exists").hasMessageContaining("Nothing was imported");
        assertThat(book.list()).extracting(AssessmentSummary::id).containsExactly("q3");
        assertThat(book.find("q3").orElseThrow().date()).isEqualTo(LocalDate.parse("2026-08-15"));
        book.importAll(List.of(file.getFirst()), "team.gatehouse.json");
        assertThat(book.list()).extracting(AssessmentSummary::id).containsExactly("q1", "q3");
    }

    @Test
    void aComparisonOfTwoStoredAssessments() {
        book.save(AssessmentFixtures.quarter("q3", "2026-08-15"));
        book.save(AssessmentFixtures.quarter("q4", "2026-11-15").withAnswer(Answer.of("arc-2-2", Grade.MOST)));
        AssessmentComparison cmp = book.compare("q3", "q4");
        assertThat(cmp.criteria()).extracting(CriterionChange::criterion).containsExactly("arc-2-2");
    }

    @Test
    void theUserCopyOfTheCatalogueWinsOverTheShippedOne() throws Exception {
        CatalogueSource source = new CatalogueSource(tmp.resolve("data"), new SafeFileWriter());
        source.copyShippedIfAbsent();
        Path copy = source.userCopy();
        Files.writeString(copy, Files.readString(copy).replace("\"name\" : \"Gatehouse default\"", "\"name\" : \"Ours\"")
                .replace("\"name\": \"Gatehouse default\"", "\"name\": \"Ours\""));
        assertThat(book.catalogue().name()).isEqualTo("Ours");
        Files.writeString(copy, "{ broken");
        assertThatThrownBy(() -> book.catalogue()).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining(CatalogueSource.USER_FILE);
    }

    @Test
    void anExecutiveViewerReadsButCannotChange() {
        book.save(AssessmentFixtures.quarter("q3", "2026-08-15"));
        MaturityBook viewer = book(TestOperators.session(clock, Role.EXECUTIVE_VIEWER));
        assertThat(viewer.list()).hasSize(1);
        assertThatThrownBy(() -> viewer.save(AssessmentFixtures.quarter("q4", "2026-11-15")))
                .isInstanceOf(PermissionDeniedException.class);
        MaturityBook analyst = book(TestOperators.session(clock, Role.ANALYST));
        assertThatThrownBy(analyst::list).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aHandleAfterPendingWorkReadsOnlyOnceTheWorkIsDone() throws Exception {
        java.util.concurrent.CompletableFuture<Void> samples = new java.util.concurrent.CompletableFuture<>();
        MaturityBook waiting = book.after(samples);
        java.util.concurrent.CompletableFuture<List<AssessmentSummary>> listed = new java.util.concurrent.CompletableFuture<>();
        Thread reader = Thread.ofPlatform().start(() -> listed.complete(waiting.list()));
        // the reader parks on the pending work; a handle that did not wait would have answered (an empty list) instead
        while (reader.getState() != Thread.State.WAITING && !listed.isDone()) {
            Thread.onSpinWait();
        }
        assertThat(listed).isNotDone();
        // the work writes through the book itself, which does not wait
        book.save(AssessmentFixtures.quarter("q3", "2026-08-15"));
        samples.complete(null);
        assertThat(listed.get(10, java.util.concurrent.TimeUnit.SECONDS)).extracting(AssessmentSummary::id)
                .containsExactly("q3");
        assertThat(waiting.latest()).map(Assessment::id).contains("q3");
    }

    @Test
    void aHandleAfterFailedWorkAnswersFromTheBookAsItStands() {
        book.save(AssessmentFixtures.quarter("q3", "2026-08-15"));
        MaturityBook waiting = book.after(java.util.concurrent.CompletableFuture.failedFuture(
                new IllegalStateException("the samples could not be written")));
        assertThat(waiting.list()).extracting(AssessmentSummary::id).containsExactly("q3");
    }
}
