package io.gatehouse.data.incidents;

/** Where an alert stands with the on-call team. */
public enum AlertState {
    /** Raised, nobody has looked yet. */
    OPEN,
    /** Someone owns it. */
    ACKNOWLEDGED,
    /** It became an incident, which carries the rest of the story. */
    INCIDENT
}
