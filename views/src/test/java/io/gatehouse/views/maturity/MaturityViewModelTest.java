package io.gatehouse.views.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.data.defense.ItemStatus;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.maturity.Assessment;
import io.gatehouse.data.maturity.AssessmentFileException;
import io.gatehouse.data.maturity.AssessmentFiles;
import io.gatehouse.data.maturity.AssessmentSummary;
import io.gatehouse.data.maturity.Dimension;
import io.gatehouse.data.maturity.Grade;
import io.gatehouse.views.testing.SameThreadTaskExecutor;
import io.gatehouse.views.testing.TestConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The area's state on a real store, with every background job run inline. */
class MaturityViewModelTest {
    @TempDir
    Path dir;

    private MaturityFixture fixture;
    private MaturityViewModel vm;
    private final List<Throwable> reported = new ArrayList<>();

    @BeforeEach
    void open() {
        fixture = new MaturityFixture(dir, InstantSource.fixed(TestConsole.NOW)).seeded();
        vm = new MaturityViewModel(fixture.book, new AssessmentFiles(new SafeFileWriter()), new SameThreadTaskExecutor(),
                reported::add);
        vm.load();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void loadShowsTheLatestWithTheOneBefore() {
        assertThat(vm.assessments()).extracting(AssessmentSummary::id).containsExactly("q3-2026", "q4-2026");
        assertThat(vm.currentProperty().get().id()).isEqualTo("q4-2026");
        assertThat(vm.previousProperty().get().id()).isEqualTo("q3-2026");
        assertThat(vm.timelineProperty().get().get(Dimension.CULTURE)).hasSize(2);
        vm.select("q3-2026");
        assertThat(vm.previousProperty().get()).isNull();
    }

    @Test
    void automaticAnswersAndMeasuredChecklistItemsCannotBeOverwrittenByHand() {
        Assessment before = vm.currentProperty().get();
        assertThat(before.answerSet().get("exe-2-1").orElseThrow().automatic()).isTrue();
        vm.setGrade("exe-2-1", Grade.NONE);
        vm.setAuditStatus("audit-idn-1", ItemStatus.FAIL, "no");
        assertThat(vm.currentProperty().get()).isEqualTo(before);
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.setTarget(Dimension.CULTURE, 5);
        vm.setAuditStatus("audit-ven-1", ItemStatus.PASS, "attestations filed");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.currentProperty().get().target(Dimension.CULTURE)).isEqualTo(5);
        vm.save();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(fixture.book.find("q4-2026").orElseThrow().auditResults())
                .anySatisfy(r -> assertThat(r.item() + " " + r.status() + " " + r.note())
                        .isEqualTo("audit-ven-1 PASS attestations filed"));
    }

    @Test
    void aRefusedImportIsReportedOnTheStatusLineAndChangesNothing() throws Exception {
        Path bad = dir.resolve("dup.gatehouse.json");
        new AssessmentFiles(new SafeFileWriter()).exportAssessments(bad, List.of(fixture.book.find("q3-2026").orElseThrow()));
        vm.importAssessments(bad);
        assertThat(vm.statusProperty().get().outcome()).isEqualTo(MaturityViewModel.Outcome.FAILED);
        assertThat(vm.statusProperty().get().detail()).contains("'q3-2026' already exists");
        assertThat(reported).singleElement().isInstanceOf(AssessmentFileException.class);
        assertThat(vm.assessments()).hasSize(2);
        assertThat(vm.busyProperty().get()).isFalse();

        Path catalogue = dir.resolve("catalogue.gatehouse.json");
        Files.writeString(catalogue, "{\"format\":\"gatehouse-catalogue\",\"version\":1,\"catalogue\":{\"name\":\"x\","
                + "\"criteria\":[{\"id\":\"a\",\"dimension\":\"architecture\",\"level\":9,\"text\":\"t\"}]}}");
        vm.importCatalogue(catalogue);
        assertThat(vm.statusProperty().get().detail()).contains("a maturity level is 1 to 5, was 9");
        assertThat(fixture.book.catalogue().name()).isEqualTo("Gatehouse default");
    }

    @Test
    void aFileOpenedFromTheDesktopGoesToTheImportItsFormatNames() throws Exception {
        AssessmentFiles files = new AssessmentFiles(new SafeFileWriter());
        Path catalogue = dir.resolve("ours.gatehouse.json");
        files.exportCatalogue(catalogue, fixture.book.catalogue());
        vm.open(catalogue);
        assertThat(vm.statusProperty().get().outcome()).isEqualTo(MaturityViewModel.Outcome.CATALOGUE_INSTALLED);

        Path assessments = dir.resolve("theirs.gatehouse.json");
        files.exportAssessments(assessments, List.of(fixture.book.find("q3-2026").orElseThrow()));
        vm.open(assessments);
        assertThat(vm.statusProperty().get().outcome()).as("same ids: refused, as an assessment import")
                .isEqualTo(MaturityViewModel.Outcome.FAILED);
        assertThat(vm.statusProperty().get().detail()).contains("'q3-2026' already exists");

        Path garbage = Files.writeString(dir.resolve("garbage.gatehouse.json"), "{not json");
        vm.open(garbage);
        assertThat(vm.statusProperty().get().outcome()).isEqualTo(MaturityViewModel.Outcome.FAILED);
    }
}
