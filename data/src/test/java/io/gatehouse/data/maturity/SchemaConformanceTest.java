package io.gatehouse.data.maturity;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published JSON Schemas in docs/schema describe what the console writes and reads. */
class SchemaConformanceTest {
    private static final Path SCHEMAS = Path.of("..", "docs", "schema");
    private static final String BASE = "https://gatehouse.io/schema/";

    private static Schema schema(String name) throws IOException {
        Map<String, String> byId = Map.of(
                BASE + "catalogue-v1.schema.json", Files.readString(SCHEMAS.resolve("catalogue-v1.schema.json")),
                BASE + "assessment-v1.schema.json", Files.readString(SCHEMAS.resolve("assessment-v1.schema.json")));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
        return registry.getSchema(SchemaLocation.of(BASE + name));
    }

    private static List<String> errors(String schema, byte[] json) throws IOException {
        return schema(schema).validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON).stream()
                .map(Error::toString).toList();
    }

    @Test
    void theShippedCatalogueConforms() throws IOException {
        assertThat(errors("catalogue-v1.schema.json", CatalogueSource.shippedBytes())).isEmpty();
    }

    @Test
    void anExportedAssessmentConforms() throws IOException {
        byte[] json = AssessmentJson.write(AssessmentsDocument.of(List.of(AssessmentFixtures.quarter("q4", "2026-11-15"))));
        assertThat(errors("assessment-v1.schema.json", json)).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatTheConsoleRefuses() throws IOException {
        String good = new String(AssessmentJson.write(AssessmentsDocument.of(List.of(AssessmentFixtures.quarter("q4", "2026-11-15")))),
                StandardCharsets.UTF_8);
        assertThat(errors("assessment-v1.schema.json", good.replaceFirst("\"grade\" : \"all\"", "\"grade\" : \"plenty\"")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(errors("assessment-v1.schema.json", good.replaceFirst("\"version\" : 1", "\"version\" : 2")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(errors("assessment-v1.schema.json", good.replaceFirst("\"level\" : 5", "\"level\" : 6")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(errors("assessment-v1.schema.json", good.replaceFirst("\"dimension\" : \"culture\"", "\"dimension\" : \"finance\"")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
