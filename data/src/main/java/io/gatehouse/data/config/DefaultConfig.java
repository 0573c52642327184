package io.gatehouse.data.config;

import io.gatehouse.data.operator.Role;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The configuration used when there is no file: the embedded sandbox, operated by the local user.
 * The local user holds every role so a first-time user can see every area; the data is
 * simulated, and a real profile must list its operators explicitly.
 */
public final class DefaultConfig {
    public static final String SANDBOX_PROFILE = "sandbox";
    /** Attacks the default sandbox plays after two simulated hours, so alerts appear in the console. */
    public static final List<String> DEMO_SCENARIOS = List.of("credential_stuffing");

    private DefaultConfig() {
    }

    public static GatehouseConfig sandbox(String osUser) {
        String id = operatorIdFor(osUser);
        OperatorEntry operator = new OperatorEntry(id, osUser == null || osUser.isBlank() ? id : osUser,
                List.of(Role.values()));
        ConnectionProfile sandbox = new ConnectionProfile(new ConnectionProfile.Sandbox(42L, 60.0, null, DEMO_SCENARIOS), null, null, null);
        return new GatehouseConfig(id, List.of(operator), SANDBOX_PROFILE, Map.of(SANDBOX_PROFILE, sandbox));
    }

    static String operatorIdFor(String osUser) {
        String id = osUser == null ? "" : osUser.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        id = id.replaceAll("^[^a-z0-9]+", "");
        if (id.isEmpty()) {
            return "operator";
        }
        return id.length() > 64 ? id.substring(0, 64) : id;
    }
}
