package io.gatehouse.data.connections;

import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.config.GatehouseConfig;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * New settings for a connection, entered in the Connections area.
 *
 * @param url      the new URL
 * @param caBundle the path of an extra CA bundle, or null for the system trust store only
 * @param pins     SPKI SHA-256 pins; empty for none
 */
public record ConnectionEdit(URI url, String caBundle, List<String> pins) {
    public ConnectionEdit {
        Objects.requireNonNull(url, "url");
        caBundle = caBundle == null || caBundle.isBlank() ? null : caBundle.strip();
        pins = pins == null ? List.of() : pins.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /**
     * {@code config} with this edit made to {@code connection} of the active profile and nothing else:
     * what the file must read as once the edit is written.
     */
    public GatehouseConfig appliedTo(GatehouseConfig config, String connection) {
        ConnectionProfile p = config.activeProfile();
        ConnectionProfile changed = switch (connection) {
            case "caseApi" -> {
                ConnectionProfile.CaseApi c = Objects.requireNonNull(p.caseApi(), connection);
                yield new ConnectionProfile(p.sandbox(), new ConnectionProfile.CaseApi(url, c.apiKeySecret(), caBundle,
                        pins, c.clientCertificate()), p.prometheus(), p.token(), p.stripe(), p.jwks(), p.securityEvents());
            }
            case "stripe" -> {
                ConnectionProfile.Stripe s = Objects.requireNonNull(p.stripe(), connection);
                yield new ConnectionProfile(p.sandbox(), p.caseApi(), p.prometheus(), p.token(),
                        new ConnectionProfile.Stripe(url, s.apiKeySecret(), s.apiVersion(), s.allowLists(),
                                s.blockLists(), caBundle, pins, s.clientCertificate()), p.jwks(), p.securityEvents());
            }
            case "prometheus" -> {
                ConnectionProfile.Prometheus m = Objects.requireNonNull(p.prometheus(), connection);
                yield new ConnectionProfile(p.sandbox(), p.caseApi(), new ConnectionProfile.Prometheus(url,
                        m.regionLabel(), m.bearerTokenSecret(), caBundle, pins, m.clientCertificate()), p.token(),
                        p.stripe(), p.jwks(), p.securityEvents());
            }
            default -> throw new IllegalArgumentException("not an editable connection: " + connection);
        };
        Map<String, ConnectionProfile> profiles = new HashMap<>(config.profiles());
        profiles.put(config.profile(), changed);
        return new GatehouseConfig(config.signedIn(), config.operators(), config.profile(), profiles, config.review(),
                config.anomaly(), config.secrets(), config.session(), config.keyCustody());
    }
}
