package io.gatehouse.data.maturity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.data.files.ExportFailedException;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.testing.FailingChannel;
import io.gatehouse.data.testing.FailingChannel.Fault;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AssessmentFilesTest {
    @TempDir
    Path dir;

    private final AssessmentFiles files = new AssessmentFiles(new SafeFileWriter());

    @Test
    void anExportedAssessmentReadsBackEqual() {
        Assessment q3 = AssessmentFixtures.quarter("q3", "2026-08-15");
        Assessment q4 = AssessmentFixtures.quarter("q4", "2026-11-15");
        Path file = dir.resolve("review.gatehouse.json");
        files.exportAssessments(file, List.of(q3, q4));
        assertThat(files.readAssessments(file)).containsExactly(q3, q4);
    }

    @Test
    void theShippedCatalogueRoundTrips() {
        Catalogue shipped = CatalogueSource.shipped();
        Path file = dir.resolve("catalogue.gatehouse.json");
        files.exportCatalogue(file, shipped);
        assertThat(files.readCatalogue(file)).isEqualTo(shipped);
        assertThat(shipped.criteria()).hasSizeGreaterThanOrEqualTo(40);
        for (Dimension d : Dimension.values()) {
            for (int level = 1; level <= 5; level++) {
                assertThat(shipped.criteria(d, level)).as(d + " level " + level).isNotEmpty();
            }
        }
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() throws IOException {
        Path file = write("{\"format\": \"gatehouse-assessments\", \"version\": 1, \"assessments\": [");
        assertThatThrownBy(() -> files.readAssessments(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageStartingWith("Cannot import bad.gatehouse.json: ").hasMessageContaining("line 1")
                .hasMessageEndingWith("Nothing was imported.");
    }

    @Test
    void anUnknownDimensionIsRefused() throws IOException {
        Path file = writeCatalogue(exportedCatalogue().replaceFirst("\"dimension\" : \"architecture\"", "\"dimension\" : \"finance\""));
        assertThatThrownBy(() -> files.readCatalogue(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("unknown dimension 'finance'");
    }

    @Test
    void aDuplicateCriterionIdIsRefused() throws IOException {
        Path file = writeCatalogue(exportedCatalogue().replaceFirst("\"id\" : \"arc-1-2\"", "\"id\" : \"arc-1-1\""));
        assertThatThrownBy(() -> files.readCatalogue(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("duplicate id 'arc-1-1'");
    }

    @Test
    void aDuplicateAssessmentIdIsRefused() throws IOException {
        Path file = dir.resolve("two.gatehouse.json");
        files.exportAssessments(file, List.of(AssessmentFixtures.quarter("same", "2026-08-15"),
                AssessmentFixtures.quarter("same", "2026-11-15")));
        assertThatThrownBy(() -> files.readAssessments(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("duplicate id 'same'");
    }

    @Test
    void aLevelOutOfRangeIsRefused() throws IOException {
        Path file = writeCatalogue(exportedCatalogue().replaceFirst("\"level\" : 5", "\"level\" : 6"));
        assertThatThrownBy(() -> files.readCatalogue(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("a maturity level is 1 to 5, was 6");
    }

    @Test
    void aTargetOutOfRangeIsRefused() throws IOException {
        String json = exportedAssessment().replaceFirst("\"measurement\" : 4", "\"measurement\" : 0");
        assertThat(json).contains("\"measurement\" : 0");
        Path file = write(json);
        assertThatThrownBy(() -> files.readAssessments(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("a maturity level is 1 to 5, was 0");
    }

    @Test
    void anUnknownGradeIsRefused() throws IOException {
        Path file = write(exportedAssessment().replaceFirst("\"grade\" : \"all\"", "\"grade\" : \"plenty\""));
        assertThatThrownBy(() -> files.readAssessments(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("unknown answer grade 'plenty'");
    }

    @Test
    void anotherFormatVersionIsRefused() throws IOException {
        Path file = write(exportedAssessment().replaceFirst("\"version\" : 1", "\"version\" : 2"));
        assertThatThrownBy(() -> files.readAssessments(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("format version 2 is not supported; this console reads version 1");
    }

    @Test
    void aCatalogueIsNotAnAssessmentsFile() throws IOException {
        Path file = write(exportedCatalogue());
        assertThatThrownBy(() -> files.readAssessments(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("is not a gatehouse-assessments file");
    }

    @Test
    void anUnknownFieldIsRefused() throws IOException {
        Path file = write(exportedAssessment().replaceFirst("\"name\" :", "\"owner\" : \"x\", \"name\" :"));
        assertThatThrownBy(() -> files.readAssessments(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("owner");
    }

    @Test
    void aHostileSizeIsRefusedUnparsed() throws IOException {
        Path file = dir.resolve("huge.gatehouse.json");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"format\":\"gatehouse-assessments\",\"version\":1,\"assessments\":[".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 6; i++) {
                out.write(spaces);
            }
        }
        assertThatThrownBy(() -> files.readAssessments(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("larger than 5 MiB");
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void anExportFailingAtAnyWriteLeavesNoFileAndTheOldOneIntact(Fault fault) throws IOException {
        Path target = dir.resolve("export.gatehouse.json");
        Files.writeString(target, "previous export");
        List<Assessment> two = List.of(AssessmentFixtures.quarter("q3", "2026-08-15"), AssessmentFixtures.quarter("q4", "2026-11-15"));
        int writes = AssessmentJson.write(AssessmentsDocument.of(two)).length / (8 * 1024) + 1;
        assertThat(writes).isGreaterThan(3);
        for (int before = 0; before < writes; before++) {
            AssessmentFiles failing = new AssessmentFiles(new SafeFileWriter(FailingChannel.opener(fault, before)));
            assertThatThrownBy(() -> failing.exportAssessments(target, two)).isInstanceOf(ExportFailedException.class)
                    .hasMessageContaining(fault == Fault.DISK_FULL ? "the disk is full" : "permission denied");
            assertThat(Files.readString(target)).isEqualTo("previous export");
            assertThat(listing()).containsExactly("export.gatehouse.json");
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void aCatalogueExportFailingLeavesNothing(Fault fault) throws IOException {
        Path target = dir.resolve("catalogue.gatehouse.json");
        AssessmentFiles failing = new AssessmentFiles(new SafeFileWriter(FailingChannel.opener(fault, 1)));
        assertThatThrownBy(() -> failing.exportCatalogue(target, CatalogueSource.shipped()))
                .isInstanceOf(ExportFailedException.class);
        assertThat(listing()).isEmpty();
    }

    private String exportedCatalogue() {
        return new String(AssessmentJson.write(CatalogueDocument.of(CatalogueSource.shipped())), StandardCharsets.UTF_8);
    }

    private String exportedAssessment() {
        return new String(AssessmentJson.write(AssessmentsDocument.of(List.of(AssessmentFixtures.quarter("q4", "2026-11-15")))),
                StandardCharsets.UTF_8);
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("bad.gatehouse.json");
        Files.writeString(file, json);
        return file;
    }

    private Path writeCatalogue(String json) throws IOException {
        return write(json);
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
