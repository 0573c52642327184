package io.gatehouse.connectors.events;

import java.util.Map;

/** Verifies one platform's webhook signature scheme. Header names are matched case-insensitively. */
public interface WebhookVerifier {
    /** The scheme's name, for counters and logs. */
    String scheme();

    Verdict verify(Map<String, String> headers, byte[] body);

    static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
