package io.gatehouse.data.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gatehouse.data.operator.Role;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the YAML configuration strictly: unknown keys, wrong types, duplicate keys and broken
 * references are refused with their line and column, so the console never starts half-configured.
 */
public final class ConfigLoader {
    /** A configuration is a few kilobytes; anything near this is a mistake or an attack. */
    static final long MAX_BYTES = 256 * 1024;

    private final ObjectMapper mapper;

    public ConfigLoader() {
        YAMLFactory factory = YAMLFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxStringLength(64 * 1024).build())
                .build();
        YAMLMapper yaml = YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .addModule(new JavaTimeModule())
                .addModule(new SimpleModule().addDeserializer(Role.class, new RoleDeserializer()))
                .build();
        // "speed: fast" or "seed: '42'" is a mistake to report, not a value to guess at
        yaml.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        yaml.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        yaml.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        yaml.coercionConfigFor(LogicalType.OtherScalar).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        yaml.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        yaml.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        this.mapper = yaml;
    }

    /** Loads {@code file}; when it does not exist, returns the sandbox defaults for {@code osUser}. */
    public GatehouseConfig loadOrDefault(Path file, String osUser) {
        if (!Files.exists(file)) {
            return DefaultConfig.sandbox(osUser);
        }
        return load(file);
    }

    /**
     * As {@link #loadOrDefault}, with the digest of what the configuration was made from, taken from the very text
     * that was parsed, for the change audit.
     */
    public LoadedConfig loadOrDefaultWithInput(Path file, String osUser) {
        if (!Files.exists(file)) {
            return new LoadedConfig(DefaultConfig.sandbox(osUser), ConfigInput.digest(osUser, null));
        }
        String text = read(file);
        return new LoadedConfig(parse(file, text), ConfigInput.digest(osUser, text));
    }

    public GatehouseConfig load(Path file) {
        return parse(file, read(file));
    }

    /**
     * The text of {@code file} as {@link #load} reads it (size-checked, strict UTF-8), for a change
     * made to the text itself; refusals name the file.
     */
    public String text(Path file) {
        return read(file);
    }

    /**
     * Checks {@code text} as the content {@code file} would have, without touching the file: how an
     * edit is validated before it replaces the file. Refusals name {@code file} with line and column.
     */
    public GatehouseConfig parse(Path file, String text) {
        if (text.length() > MAX_BYTES) {
            throw new ConfigException(file, 0, 0, "the configuration would be larger than " + MAX_BYTES + " bytes", null);
        }
        YamlLocations locations = locations(file, text);
        refuseAnchorsAndAliases(file, text);
        refuseEmpty(file, text);
        GatehouseConfig config;
        try {
            config = mapper.readValue(text, GatehouseConfig.class);
        } catch (JsonProcessingException e) {
            throw explain(file, locations, e);
        }
        new ConfigRules(file, locations).check(config);
        return config;
    }

    /**
     * The YAML reader underneath takes an alias ({@code *name}) for the plain text "name", so
     * {@code apiKeySecret: *key} would quietly name the secret "key". Neither anchors nor aliases have a use
     * in this file; each is refused where it stands.
     */
    private static void refuseAnchorsAndAliases(Path file, String text) {
        try {
            for (org.yaml.snakeyaml.events.Event event : new org.yaml.snakeyaml.Yaml().parse(new java.io.StringReader(text))) {
                boolean alias = event instanceof org.yaml.snakeyaml.events.AliasEvent;
                boolean anchor = !alias && event instanceof org.yaml.snakeyaml.events.NodeEvent node && node.getAnchor() != null;
                if (alias || anchor) {
                    var mark = event.getStartMark();
                    throw new ConfigException(file, mark.getLine() + 1, mark.getColumn() + 1, (alias ? "a YAML alias (*name)"
                            : "a YAML anchor (&name)") + " is not accepted in this file: write each value out in full",
                            null);
                }
            }
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            // not valid YAML: the typed read below reports it with its place
        }
    }

    private void refuseEmpty(Path file, String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return; // reported with its location by the typed read
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException(file, 0, 0, "the file is empty. Delete it to use the sandbox defaults, "
                    + "or write a configuration (see the README).", null);
        }
        if (!tree.isObject()) {
            throw new ConfigException(file, 1, 1, "the top level must be key: value lines (operator, operators, "
                    + "profile, profiles, review, anomaly, secrets, session, keyCustody)", null);
        }
    }

    private static ConfigException explain(Path file, YamlLocations locations, JsonProcessingException e) {
        MarkedYAMLException yamlError = causeOfType(e, MarkedYAMLException.class);
        if (yamlError != null || !(e instanceof JsonMappingException)) {
            String problem = yamlError != null ? yamlError.getProblem() : e.getOriginalMessage();
            if (yamlError != null && yamlError.getProblemMark() != null) {
                return new ConfigException(file, yamlError.getProblemMark().getLine() + 1,
                        yamlError.getProblemMark().getColumn() + 1, "this is not valid YAML: " + problem, null);
            }
            return refused(file, e.getLocation(), "this is not valid YAML: " + firstLine(problem), e);
        }
        JsonMappingException m = (JsonMappingException) e;
        JsonLocation at = locations.locate(pointer(m));
        if (at == null) {
            at = m.getLocation();
        }
        if (m instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return refused(file, at, "unknown key '" + u.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : " (expected one of: " + String.join(", ", known) + ")")
                    + secretHint(u.getPropertyName()), e);
        }
        if (m instanceof InvalidFormatException f) {
            String extra = f.getTargetType() == Role.class ? "; the roles are " + Arrays.stream(Role.values())
                    .map(Role::configName).collect(Collectors.joining(", ")) : "";
            return refused(file, at, "the value is not a valid " + typeName(f.getTargetType())
                    + " for " + path(m) + extra, e);
        }
        if (m instanceof MismatchedInputException mi) {
            return refused(file, at, "wrong type for " + path(m) + ": expected " + typeName(mi.getTargetType()), e);
        }
        return refused(file, at, "the value is not valid for " + path(m), e);
    }

    private static String pointer(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> "/" + (ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex())))
                .collect(Collectors.joining());
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConfigException(file, 0, 0, "the file is " + size + " bytes; a configuration is at most "
                        + MAX_BYTES + " bytes. Is this the right file?", null);
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, 0, "the file does not exist. Check the --config path.", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(file, 0, 0, "the file is not UTF-8 text. Save it as UTF-8.", e);
        } catch (IOException e) {
            throw new ConfigException(file, 0, 0, "the file cannot be read: " + e.getMessage(), e);
        }
    }

    private static YamlLocations locations(Path file, String text) {
        try {
            return YamlLocations.index(text);
        } catch (JsonProcessingException e) {
            throw explain(file, YamlLocations.EMPTY, e);
        } catch (IOException e) {
            throw new ConfigException(file, 0, 0, "the file cannot be read: " + e.getMessage(), e);
        }
    }

    // The parser's exception is deliberately not kept as the cause: its message quotes the
    // offending value, and a value in the wrong place may be a pasted secret.
    private static ConfigException refused(Path file, JsonLocation location, String problem, Throwable parserError) {
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new ConfigException(file, line, column, problem, null);
    }

    private static String secretHint(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("key") || lower.contains("token") || lower.contains("password") || lower.contains("secret")
                || lower.contains("pin")) {
            return ". Secrets never go in this file: add them under Connections, and name them here with a *Secret key";
        }
        return "";
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return p.isEmpty() ? "the document" : "'" + p + "'";
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
            return "list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "section (key: value lines)";
        }
        if (type == String.class) {
            return "text";
        }
        return type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
