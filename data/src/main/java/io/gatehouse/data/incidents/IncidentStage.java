package io.gatehouse.data.incidents;

/** The stages of an incident's response, in order. */
public enum IncidentStage {
    DETECTED,
    ACKNOWLEDGED,
    CONTAINED,
    RECOVERED
}
