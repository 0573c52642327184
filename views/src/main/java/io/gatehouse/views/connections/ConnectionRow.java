package io.gatehouse.views.connections;

import io.gatehouse.data.connections.ConnectionCheck;
import io.gatehouse.data.connections.ConnectionEntry;
import io.gatehouse.data.health.ConnectionHealth;

/**
 * One line of the Connections table: the configured connection (null when only its health is
 * known), its background health (null until checked) and the last test run from the area.
 */
public record ConnectionRow(ConnectionEntry entry, ConnectionHealth health, ConnectionCheck lastCheck) {
    /** The name shown: the configuration section, or the health check's name. */
    public String name() {
        return entry != null ? entry.name() : health.connection();
    }

    ConnectionRow withCheck(ConnectionCheck check) {
        return new ConnectionRow(entry, health, check);
    }
}
