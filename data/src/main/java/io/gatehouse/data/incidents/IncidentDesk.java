package io.gatehouse.data.incidents;

import io.gatehouse.data.anomaly.AnomalyType;
import java.time.Instant;
import java.util.List;

/** What the Alerts and incidents area works with: the alerts, the incidents, the actions and the runbooks. */
public interface IncidentDesk extends ResponseTimesSource {
    List<Alert> alerts(int limit);

    List<Incident> incidents(int limit);

    Alert acknowledge(long alertId);

    Incident openIncident(long alertId, boolean outage);

    Incident contain(long incidentId);

    Incident recover(long incidentId);

    /** The log's own time, which stamps every action: simulated time while the sandbox drives it. */
    Instant now();

    /** The remediation steps for alerts of {@code type}. */
    List<String> remediation(AnomalyType type);

    void addListener(IncidentLog.Listener listener);

    void removeListener(IncidentLog.Listener listener);
}
