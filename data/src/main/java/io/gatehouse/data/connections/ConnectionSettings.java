package io.gatehouse.data.connections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.config.ConfigChangeAudit;
import io.gatehouse.data.config.ConfigException;
import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.files.SafeFileWriter;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.secrets.SecretStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Changes a connection from the console: its URL, CA bundle and pins in the configuration file, and
 * its secret in the secret store. Both need {@link Permission#MANAGE_CONNECTIONS} and a fresh proof
 * of presence; both are audited (the secret by name only) and make the connection's client be built
 * again, so the next request uses the new setting.
 */
public final class ConnectionSettings {
    /** How old the operator's last proof of presence may be. */
    public static final Duration STEP_UP_WINDOW = Duration.ofMinutes(5);
    private static final Set<String> EDITABLE = Set.of("caseApi", "stripe", "prometheus");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

    private final Path configFile;
    private final ConfigLoader loader;
    private final SafeFileWriter writer;
    private final ConfigChangeAudit configAudit;
    private final AuditLog auditLog;
    private final OperatorSession session;
    private final Supplier<Optional<SecretStore>> secrets;
    private final Consumer<String> rebuildClient;

    public ConnectionSettings(Path configFile, ConfigLoader loader, SafeFileWriter writer, ConfigChangeAudit configAudit,
            AuditLog auditLog, OperatorSession session, Supplier<Optional<SecretStore>> secrets,
            Consumer<String> rebuildClient) {
        this.configFile = Objects.requireNonNull(configFile, "configFile");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.configAudit = Objects.requireNonNull(configAudit, "configAudit");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.session = Objects.requireNonNull(session, "session");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.rebuildClient = Objects.requireNonNull(rebuildClient, "rebuildClient");
    }

    /**
     * Writes {@code edit} into the active profile's {@code connection} section. The new file is checked
     * by the configuration loader first; a refusal leaves the file as it was and carries the loader's
     * message. Comments in the file are not kept: it is rewritten from its parsed form.
     *
     * @return the configuration now in the file
     */
    public GatehouseConfig edit(String connection, ConnectionEdit edit) {
        requireEditable(connection);
        session.require(Permission.MANAGE_CONNECTIONS);
        session.requireFreshProof(STEP_UP_WINDOW);
        if (!Files.isRegularFile(configFile)) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "The console runs on its built-in defaults, so there"
                    + " is no configuration file to change. Write " + configFile + " first (see the README).");
        }
        GatehouseConfig before = loader.load(configFile);
        ObjectNode root = readTree();
        JsonNode section = root.path("profiles").path(before.profile()).path(connection);
        if (!(section instanceof ObjectNode target)) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "Profile '" + before.profile() + "' has no '"
                    + connection + "' connection to change.");
        }
        target.put("url", edit.url().toString());
        if (edit.caBundle() == null) {
            target.remove("caBundle");
        } else {
            target.put("caBundle", edit.caBundle());
        }
        if (edit.pins().isEmpty()) {
            target.remove("pins");
        } else {
            ArrayNode pins = target.putArray("pins");
            edit.pins().forEach(pins::add);
        }
        String text = writeTree(root);
        GatehouseConfig after = loader.parse(configFile, text);
        writer.write(configFile, text.getBytes(StandardCharsets.UTF_8));
        ownerOnly(configFile);
        configAudit.check(after, configFile);
        rebuildClient.accept(connection);
        return after;
    }

    /**
     * Replaces the secret {@code secretName} of {@code connection} with {@code newValue}. The array is
     * wiped whether or not this succeeds; the store replaces the old sealed value.
     */
    public void rotateSecret(String connection, String secretName, char[] newValue) {
        try {
            requireEditable(connection);
            SecretStore.requireValidName(secretName);
            session.require(Permission.MANAGE_CONNECTIONS);
            session.requireFreshProof(STEP_UP_WINDOW);
            if (newValue.length == 0) {
                throw new GatehouseException(FailureKind.CONFIGURATION, "The new value of '" + secretName
                        + "' is empty; paste the new secret, or cancel.");
            }
            SecretStore store = secrets.get().orElseThrow(() -> new GatehouseException(FailureKind.PERMISSION,
                    "The secret store is locked. Unlock it with your passphrase, then rotate '" + secretName + "'."));
            boolean existed = store.names().contains(secretName);
            store.put(secretName, newValue);
            auditLog.append("secret.rotated", "secret/" + secretName, Map.of("connection", connection,
                    "replaced", Boolean.toString(existed)));
            rebuildClient.accept(connection);
        } finally {
            Arrays.fill(newValue, '\0');
        }
    }

    private static void requireEditable(String connection) {
        if (!EDITABLE.contains(connection)) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "'" + connection + "' is not a connection the"
                    + " console can change; the sandbox is built in.");
        }
    }

    private ObjectNode readTree() {
        try {
            JsonNode tree = YAML.readTree(Files.readString(configFile, StandardCharsets.UTF_8));
            if (tree instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw new ConfigException(configFile, 0, 0, "the file cannot be read: " + e.getClass().getSimpleName(), null);
        }
        throw new ConfigException(configFile, 1, 1, "the top level must be key: value lines", null);
    }

    private static String writeTree(ObjectNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed configuration cannot be written back as YAML", e);
        }
    }

    /** The file may name secrets and CA files: only its owner reads it. */
    static void ownerOnly(Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "The configuration was written, but its permissions"
                    + " cannot be limited to you: " + file + ". Run: chmod 600 " + file, e);
        }
    }
}
