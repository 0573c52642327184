package io.gatehouse.data.connections;

import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.config.ConfigChangeAudit;
import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.config.YamlMappingPatch;
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
import java.util.List;
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
     * Writes {@code edit} into the active profile's {@code connection} section. Only the changed values
     * are replaced in the file's text: comments, quoting, layout and every other section stay as the
     * operator wrote them. The new text is checked by the configuration loader first and must read back
     * as the old configuration with exactly this edit; otherwise the file is left as it was.
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
        String original = loader.text(configFile);
        GatehouseConfig before = loader.parse(configFile, original);
        if (!hasConnection(before, connection)) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "Profile '" + before.profile() + "' has no '"
                    + connection + "' connection to change.");
        }
        YamlMappingPatch patch = YamlMappingPatch.of(original, List.of("profiles", before.profile(), connection))
                .set("url", edit.url().toString());
        patch = edit.caBundle() == null ? patch.remove("caBundle") : patch.set("caBundle", edit.caBundle());
        patch = edit.pins().isEmpty() ? patch.remove("pins") : patch.setList("pins", edit.pins());
        String text = patch.text();
        GatehouseConfig after = loader.parse(configFile, text);
        if (!after.equals(edit.appliedTo(before, connection))) {
            throw new GatehouseException(FailureKind.CONFIGURATION, "The change to '" + connection + "' could not be"
                    + " made in " + configFile + " without touching other settings, so the file is unchanged;"
                    + " edit it by hand.");
        }
        if (!text.equals(original)) {
            writer.write(configFile, text.getBytes(StandardCharsets.UTF_8));
        }
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

    private static boolean hasConnection(GatehouseConfig config, String connection) {
        var profile = config.activeProfile();
        return switch (connection) {
            case "caseApi" -> profile.caseApi() != null;
            case "stripe" -> profile.stripe() != null;
            case "prometheus" -> profile.prometheus() != null;
            default -> false;
        };
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
