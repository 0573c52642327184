package io.gatehouse.app.wiring;

import io.gatehouse.data.audit.AuditLog;
import io.gatehouse.data.config.AppDirectories;
import io.gatehouse.data.config.ConfigLoader;
import io.gatehouse.data.config.GatehouseConfig;
import io.gatehouse.data.config.LoadedConfig;
import io.gatehouse.data.config.ConfigChangeAudit;
import io.gatehouse.data.operator.LocalOperatorSession;
import io.gatehouse.data.operator.Operator;
import io.gatehouse.data.store.LocalStore;
import java.time.InstantSource;
import java.util.Map;

/**
 * The composition root's core: configuration, store, operator session and audit log, shared by
 * the console and the command line. Opening it does I/O and never runs on the FX thread.
 */
public final class Composition implements AutoCloseable {
    private final AppDirectories directories;
    private final GatehouseConfig config;
    private final LocalStore store;
    private final UnlockedSecrets secrets;
    private final LocalOperatorSession session;
    private final AuditLog auditLog;
    private final InstantSource clock;

    private Composition(AppDirectories directories, GatehouseConfig config, LocalStore store, UnlockedSecrets secrets,
            LocalOperatorSession session, AuditLog auditLog, InstantSource clock) {
        this.clock = clock;
        this.directories = directories;
        this.config = config;
        this.store = store;
        this.secrets = secrets;
        this.session = session;
        this.auditLog = auditLog;
    }

    /** Loads the configuration first, so a bad file is refused before anything is opened. */
    public static Composition open(AppDirectories directories, InstantSource clock) {
        LoadedConfig loaded = new ConfigLoader().loadOrDefaultWithInput(directories.configFile(),
                System.getProperty("user.name"));
        GatehouseConfig config = loaded.config();
        Operator operator = config.findOperator(config.operator()).orElseThrow().toOperator();
        LocalStore store = LocalStore.open(directories.dataDirectory());
        try {
            FileLog.install(store.directory());
            UnlockedSecrets secrets = new UnlockedSecrets(directories.dataDirectory().resolve("secrets.json"));
            LocalOperatorSession session = new LocalOperatorSession(operator, clock, secrets::verifyPassphrase);
            AuditLog auditLog = new AuditLog(store, session, clock);
            auditProofs(session, auditLog);
            // the file is edited while the console is closed, so a change is noticed, and audited, at the next load
            new ConfigChangeAudit(store, auditLog, clock).check(config,
                    java.nio.file.Files.exists(directories.configFile()) ? directories.configFile() : null,
                    loaded.inputDigest());
            return new Composition(directories, config, store, secrets, session, auditLog, clock);
        } catch (RuntimeException e) {
            // a start that fails after the store opened closes it again: otherwise its directory lock stays held until
            // the process ends, and a retry in the same process (the start-up failure screen's) is refused as locked
            store.close();
            throw e;
        }
    }

    private static void auditProofs(LocalOperatorSession session, AuditLog auditLog) {
        String subject = "operator/" + session.operator().id();
        session.onProofAttempt((kind, ok) -> auditLog.append("operator.proof", subject,
                Map.of("kind", kind.name().toLowerCase(java.util.Locale.ROOT), "result", ok ? "accepted" : "refused")));
    }

    /**
     * A session for a configured operator at this console: the signed-in one's own session, or a new one for
     * another operator who is present too, such as a second custodian. Every proof attempt is audited under
     * that operator's name.
     */
    public LocalOperatorSession sessionFor(String operatorId) {
        if (session.operator().id().equals(operatorId)) {
            return session;
        }
        Operator operator = config.findOperator(operatorId).map(io.gatehouse.data.config.OperatorEntry::toOperator)
                .orElseThrow(() -> new io.gatehouse.data.GatehouseException(io.gatehouse.data.FailureKind.PERMISSION,
                        "No operator '" + operatorId + "' is configured; ask a lead to add them to the configuration."));
        LocalOperatorSession other = new LocalOperatorSession(operator, clock, secrets::verifyPassphrase);
        auditProofs(other, auditLog);
        return other;
    }

    public AppDirectories directories() {
        return directories;
    }

    public GatehouseConfig config() {
        return config;
    }

    public LocalOperatorSession session() {
        return session;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    /** The local store, for services wired beside the composition: key custody, signed heads, the outbox. */
    public LocalStore store() {
        return store;
    }

    public UnlockedSecrets secrets() {
        return secrets;
    }

    @Override
    public void close() {
        secrets.close();
        store.close();
    }
}
