package io.gatehouse.views.shell;

import io.gatehouse.data.audit.AuditReader;
import io.gatehouse.data.health.HealthMonitor;
import io.gatehouse.data.incidents.IncidentDesk;
import io.gatehouse.data.maturity.MaturityBook;
import io.gatehouse.data.operator.OperatorSession;
import io.gatehouse.data.operator.presence.SessionGuard;
import io.gatehouse.data.settings.SettingsStore;
import io.gatehouse.data.telemetry.TelemetrySource;
import io.gatehouse.views.connections.ConnectionsAccess;
import io.gatehouse.views.executive.ExecutiveSource;
import io.gatehouse.views.keys.KeyCustodyPort;
import io.gatehouse.views.review.ReviewDeskPort;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything the console shell needs from the composition root.
 *
 * @param session           the signed-in operator
 * @param auditReader       read side of the audit chain
 * @param healthMonitor     checks connections in the background; the shell starts it and stops it on close
 * @param sandboxActive     true while any source is the embedded sandbox: every area then shows "Simulated data"
 * @param sourceDescription a short description of the data source, shown as the badge's tooltip
 * @param configFile        the configuration file in use, shown in Settings
 * @param dataDirectory     the directory of the local store, shown in Settings
 * @param settingsStore     where the operator's preferences are kept
 * @param background        runs the shell's background work (queries, verification, saving settings)
 * @param clock             the console's clock
 * @param localZone         the desktop's time zone, used when times are shown as local
 * @param reviewDesk        the fraud queue's desk, or null when no queue is configured: the Review desk
 *                          area then shows its empty state
 * @param telemetry         where the regional dashboards read KPIs, or null when no telemetry is configured:
 *                          the area then keeps its empty state
 * @param maturity          the maturity assessments and defensive audit, or null: the Maturity &amp; audit area
 *                          then keeps its empty state
 * @param executive         gathers the executive view's figures, or null: the area then keeps its empty state
 * @param keyCustody        the token layer and key custody service for the Key custody area, or null: the
 *                          area then keeps its empty state
 * @param incidents         the alerts and incidents of the anomaly detector, or null when none is wired:
 *                          the Alerts and incidents area then keeps its empty state
 * @param connections       the connections to test and change from the Connections area, or null: the area
 *                          then shows health only
 * @param sessionGuard      the sign-in, idle lock and step-up of the operator, or null: the window then
 *                          neither locks nor asks for fresh proof (tests of other areas)
 */
public record ShellContext(
        OperatorSession session,
        AuditReader auditReader,
        HealthMonitor healthMonitor,
        boolean sandboxActive,
        String sourceDescription,
        Path configFile,
        Path dataDirectory,
        SettingsStore settingsStore,
        Executor background,
        InstantSource clock,
        ZoneId localZone,
        ReviewDeskPort reviewDesk,
        TelemetrySource telemetry,
        MaturityBook maturity,
        ExecutiveSource executive,
        KeyCustodyPort keyCustody,
        IncidentDesk incidents,
        ConnectionsAccess connections,
        SessionGuard sessionGuard) {

    public ShellContext {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(auditReader, "auditReader");
        Objects.requireNonNull(healthMonitor, "healthMonitor");
        sourceDescription = sourceDescription == null ? "" : sourceDescription;
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(settingsStore, "settingsStore");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(clock, "clock");
        localZone = localZone == null ? ZoneId.systemDefault() : localZone;
    }

    /** A context without a fraud queue or telemetry: those areas show their empty states. */
    public ShellContext(OperatorSession session, AuditReader auditReader, HealthMonitor healthMonitor,
            boolean sandboxActive, String sourceDescription, Path configFile, Path dataDirectory,
            SettingsStore settingsStore, Executor background, InstantSource clock, ZoneId localZone) {
        this(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile, dataDirectory,
                settingsStore, background, clock, localZone, null, null, null, null, null, null, null, null);
    }

    /** A context with a fraud queue and telemetry, and none of the later areas' sources. */
    public ShellContext(OperatorSession session, AuditReader auditReader, HealthMonitor healthMonitor,
            boolean sandboxActive, String sourceDescription, Path configFile, Path dataDirectory,
            SettingsStore settingsStore, Executor background, InstantSource clock, ZoneId localZone,
            ReviewDeskPort reviewDesk, TelemetrySource telemetry) {
        this(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile, dataDirectory,
                settingsStore, background, clock, localZone, reviewDesk, telemetry, null, null, null, null, null, null);
    }

    /** A context with a fraud queue, telemetry and the maturity book. */
    public ShellContext(OperatorSession session, AuditReader auditReader, HealthMonitor healthMonitor,
            boolean sandboxActive, String sourceDescription, Path configFile, Path dataDirectory,
            SettingsStore settingsStore, Executor background, InstantSource clock, ZoneId localZone,
            ReviewDeskPort reviewDesk, TelemetrySource telemetry, MaturityBook maturity) {
        this(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile, dataDirectory,
                settingsStore, background, clock, localZone, reviewDesk, telemetry, maturity, null, null, null, null, null);
    }

    /** The same context with another executor for background work. */
    public ShellContext withBackground(Executor executor) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, executor, clock, localZone, reviewDesk, telemetry, maturity, executive,
                keyCustody, incidents, connections, sessionGuard);
    }

    /** The same context with the fraud queue's desk. */
    public ShellContext withReviewDesk(ReviewDeskPort desk) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, background, clock, localZone, desk, telemetry, maturity, executive,
                keyCustody, incidents, connections, sessionGuard);
    }

    /** The same context with a telemetry source for the regional dashboards. */
    public ShellContext withTelemetry(TelemetrySource source) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, background, clock, localZone, reviewDesk, source, maturity, executive,
                keyCustody, incidents, connections, sessionGuard);
    }

    /** The same context with maturity. */
    public ShellContext withMaturity(MaturityBook book) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, background, clock, localZone, reviewDesk, telemetry, book, executive,
                keyCustody, incidents, connections, sessionGuard);
    }

    /** The same context with executive. */
    public ShellContext withExecutive(ExecutiveSource source) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, background, clock, localZone, reviewDesk, telemetry, maturity, source,
                keyCustody, incidents, connections, sessionGuard);
    }

    /** The same context with keyCustody. */
    public ShellContext withKeyCustody(KeyCustodyPort custody) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, background, clock, localZone, reviewDesk, telemetry, maturity, executive,
                custody, incidents, connections, sessionGuard);
    }

    /** The same context with incidents. */
    public ShellContext withIncidents(IncidentDesk desk) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, background, clock, localZone, reviewDesk, telemetry, maturity, executive,
                keyCustody, desk, connections, sessionGuard);
    }

    /** A context without a way to change connections, as before the Connections area could. */
    public ShellContext(OperatorSession session, AuditReader auditReader, HealthMonitor healthMonitor,
            boolean sandboxActive, String sourceDescription, Path configFile, Path dataDirectory,
            SettingsStore settingsStore, Executor background, InstantSource clock, ZoneId localZone,
            ReviewDeskPort reviewDesk, TelemetrySource telemetry, MaturityBook maturity, ExecutiveSource executive,
            KeyCustodyPort keyCustody, IncidentDesk incidents) {
        this(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile, dataDirectory,
                settingsStore, background, clock, localZone, reviewDesk, telemetry, maturity, executive, keyCustody,
                incidents, null, null);
    }

    /** The same context with the connections the Connections area can test and change. */
    public ShellContext withConnections(ConnectionsAccess access) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, background, clock, localZone, reviewDesk, telemetry, maturity, executive,
                keyCustody, incidents, access, sessionGuard);
    }

    /** The same context with the operator's session guard: sign-in state, idle lock and step-up. */
    public ShellContext withSessionGuard(SessionGuard guard) {
        return new ShellContext(session, auditReader, healthMonitor, sandboxActive, sourceDescription, configFile,
                dataDirectory, settingsStore, background, clock, localZone, reviewDesk, telemetry, maturity, executive,
                keyCustody, incidents, connections, guard);
    }
}
