package io.gatehouse.data.settings;

/** Whether times are shown in the desktop's zone or in UTC. */
public enum TimeDisplay {
    LOCAL, UTC
}
