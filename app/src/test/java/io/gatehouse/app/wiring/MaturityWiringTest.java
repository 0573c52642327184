package io.gatehouse.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.evidence.EvidenceChecks;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.AssessmentSummary;
import io.gatehouse.data.maturity.CatalogueSource;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.MaturityBook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaturityWiringTest {
    @TempDir
    Path tmp;

    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-25T18:00:00Z"));

    @Test
    void aSandboxConsoleStartsWithTwoAssessmentsAQuarterApartAndAnEditableCatalogue() {
        AppDirectories dirs = new AppDirectories(tmp.resolve("config.yaml"), tmp.resolve("data"));
        try (Composition composition = Composition.open(dirs, clock)) {
            MaturityBook book = MaturityWiring.open(composition, null, null, clock);
            assertThat(Files.isRegularFile(tmp.resolve("data").resolve(CatalogueSource.USER_FILE))).isTrue();
            SandboxAssessments.seedIfEmpty(book, clock);
            SandboxAssessments.seedIfEmpty(book, clock);
            assertThat(book.list()).extracting(AssessmentSummary::date)
                    .containsExactly(LocalDate.parse("2026-08-25"), LocalDate.parse("2026-11-25"));
            Assessment current = book.latest().orElseThrow();
            Assessment previous = book.previous(current.id()).orElseThrow();
            for (Dimension d : Dimension.values()) {
                assertThat(current.scores().get(d).value()).as(d.name())
                        .isGreaterThan(previous.scores().get(d).value());
                assertThat(current.target(d)).isGreaterThanOrEqualTo(2);
            }
            // the seeding's own audit entries make the chain checkable, and four-eyes is on by default
            assertThat(book.evidence().measureAll()).containsKeys(EvidenceChecks.FOUR_EYES_ENABLED, EvidenceChecks.AUDIT_CHAIN_INTACT);
            assertThat(current.answerSet().get("exe-2-1").orElseThrow().measurement()).isNotNull();
        }
    }

    @Test
    void aNewSandboxConsoleShowsItsSampleAssessmentsThroughEveryHandle() throws Exception {
        AppDirectories dirs = new AppDirectories(tmp.resolve("config.yaml"), tmp.resolve("data"));
        try (ConsoleRuntime runtime = ConsoleRuntime.open(dirs, clock)) {
            // written beside the opening; the console's handles wait for them instead of showing an empty book
            assertThat(runtime.shellContext().maturity().list()).extracting(AssessmentSummary::id)
                    .containsExactly("sandbox-previous", "sandbox-current");
            assertThat(runtime.shellContext().executive().gather(null).maturity()).isPresent();
        }
        // and they were written once, before the store closed
        try (ConsoleRuntime again = ConsoleRuntime.open(dirs, clock)) {
            assertThat(again.shellContext().maturity().list()).hasSize(2);
        }
    }
}
