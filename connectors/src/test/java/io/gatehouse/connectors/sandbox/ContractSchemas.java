package io.gatehouse.connectors.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The contract in docs/case-api.yaml, and JSON Schema validation of bodies against its components. */
final class ContractSchemas {
    static final Path CONTRACT = Path.of("..", "docs", "case-api.yaml");

    private final JsonNode contract;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    ContractSchemas() {
        try {
            contract = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(CONTRACT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CONTRACT.toAbsolutePath(), e);
        }
    }

    JsonNode contract() {
        return contract;
    }

    /** Errors from validating {@code json} against {@code #/components/schemas/<name>}. */
    List<String> errors(String name, String json) {
        if (!contract.at("/components/schemas/" + name).isObject()) {
            throw new AssertionError("no schema " + name + " in the contract");
        }
        // OpenAPI 3.1 schemas are JSON Schema 2020-12; a wrapper keeps the contract's own $ref paths valid.
        ObjectNode wrapper = new ObjectMapper().createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.put("$ref", "#/components/schemas/" + name);
        wrapper.set("components", contract.get("components"));
        Schema schema = registry.getSchema(wrapper.toString(), InputFormat.JSON);
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
