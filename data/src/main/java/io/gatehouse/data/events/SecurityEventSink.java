package io.gatehouse.data.events;

/**
 * Where verified security events go. Implemented in data; called by the ingestion connector from
 * its own thread, only for events whose signature, freshness and uniqueness were checked.
 */
@FunctionalInterface
public interface SecurityEventSink {
    void accept(SecurityEvent event);
}
