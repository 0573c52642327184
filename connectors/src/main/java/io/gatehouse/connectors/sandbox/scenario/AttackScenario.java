package io.gatehouse.connectors.sandbox.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import io.gatehouse.connectors.sandbox.world.Region;
import java.util.Locale;
import java.util.Optional;

/** An attack the sandbox can play, each with the region it hits unless told otherwise. */
public enum AttackScenario {
    CREDENTIAL_STUFFING(Region.EU),
    CARD_TESTING(Region.NORTH_AMERICA),
    TOKEN_REPLAY(Region.INDIA),
    COMPROMISED_GATEWAY(Region.BRAZIL_LATAM),
    UNUSUAL_GEOGRAPHY(Region.JAPAN_KOREA);

    private final Region defaultRegion;

    AttackScenario(Region defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    public Region defaultRegion() {
        return defaultRegion;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AttackScenario> fromWireName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace('-', '_');
        for (AttackScenario s : values()) {
            if (s.wireName().equals(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
