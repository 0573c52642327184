package io.gatehouse.data.operator.presence;

import java.util.Map;

/** Where authentication events are written: the audit chain in the console, a list in tests. */
@FunctionalInterface
public interface AuthEvents {
    void record(String action, String subject, Map<String, String> details);
}
