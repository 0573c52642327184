package io.gatehouse.views.keys;

import io.gatehouse.data.keys.CryptoperiodStatus;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.KeyVersionState;
import io.gatehouse.data.keys.token.KeyAlgorithm;
import io.gatehouse.data.keys.token.KeyFinding;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.TimeFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The words and marks of the Key custody area. States and warnings always come as an icon and a
 * word together, never as a colour alone.
 */
final class KeyText {
    private final I18n i18n;

    KeyText(I18n i18n) {
        this.i18n = i18n;
    }

    String get(String key, Object... args) {
        return i18n.get(key, args);
    }

    String notice(Notice notice) {
        if (notice == null) {
            return "";
        }
        Object[] args = notice.args().stream().map(a -> a instanceof io.gatehouse.data.keys.RotationStep step
                ? i18n.get(BundleKeys.of(step))
                : a instanceof WizardStep wizardStep ? i18n.get(BundleKeys.of(wizardStep)) : a).toArray();
        return i18n.get(notice.key(), args);
    }

    String algorithm(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC_P256 -> "EC P-256";
            case EC_P384 -> "EC P-384";
            case RSA_3072 -> "RSA 3072";
            case ED25519 -> "Ed25519";
            case AES_256 -> "AES-256";
        };
    }

    String state(KeyVersion v) {
        String name = i18n.get(BundleKeys.of(v.state()));
        return v.state() == KeyVersionState.PENDING ? i18n.get("keys.state.pendingAt", name, step(v)) : name;
    }

    private String step(KeyVersion v) {
        return i18n.get(BundleKeys.of(v.step()));
    }

    FontIcon stateIcon(KeyVersionState state) {
        return switch (state) {
            case PENDING -> icon(Material2MZ.PENDING, "health-degraded");
            case ACTIVE -> icon(Material2AL.CHECK_CIRCLE, "health-up");
            case RETIRING -> icon(Material2MZ.VERIFIED_USER, "health-unknown");
            case SCHEDULED_FOR_DESTRUCTION -> icon(Material2AL.DELETE_OUTLINE, "health-degraded");
            case DESTROYED -> icon(Material2AL.BLOCK, "health-unknown");
        };
    }

    FontIcon cryptoperiodIcon(CryptoperiodStatus status, boolean pending) {
        if (pending) {
            return icon(Material2MZ.PENDING, "health-degraded");
        }
        if (status == null) {
            return icon(Material2AL.HELP_OUTLINE, "health-unknown");
        }
        return switch (status) {
            case OK -> icon(Material2AL.CHECK_CIRCLE, "health-up");
            case WARNING -> icon(Material2MZ.WARNING, "health-degraded");
            case EXPIRED -> icon(Material2AL.ERROR, "health-down");
        };
    }

    /** Fills the ring's cryptoperiod line: icon, words and the health class that colours both. */
    void showCryptoperiod(Label label, KeyRing ring, CryptoperiodStatus status, TimeFormat time) {
        label.getStyleClass().removeAll("health-up", "health-degraded", "health-down", "health-unknown");
        label.setGraphic(cryptoperiodIcon(status, false));
        if (status == null) {
            label.setText(i18n.get("keys.cryptoperiod.none"));
            label.getStyleClass().add("health-unknown");
            return;
        }
        KeyVersion active = ring.active().orElseThrow();
        Instant end = active.stateSince().plus(ring.policy().cryptoperiod());
        String css = switch (status) {
            case OK -> "health-up";
            case WARNING -> "health-degraded";
            case EXPIRED -> "health-down";
        };
        label.getStyleClass().add(css);
        label.setText(i18n.get(BundleKeys.of(status), "v" + active.number(), time.dateTime(end)));
    }

    /** A duration in the largest whole unit that fits it, such as "90 days" or "70 min". */
    String duration(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return i18n.get("keys.duration.days", d.toDays());
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return i18n.get("keys.duration.hours", d.toHours());
        }
        return i18n.get("keys.duration.minutes", Math.max(1, d.toMinutes()));
    }

    String findingShort(KeyFinding.Kind kind) {
        return i18n.get(BundleKeys.shortName(kind));
    }

    String findingSentence(KeyFinding finding) {
        return i18n.get(BundleKeys.of(finding.kind()), finding.key().displayName());
    }

    String keyClass(io.gatehouse.data.keys.token.KeyClass keyClass) {
        return i18n.get(BundleKeys.of(keyClass));
    }

    String usage(java.util.Set<io.gatehouse.data.keys.token.KeyUsage> usage) {
        return usage.stream().sorted().map(u -> u.name().toLowerCase(Locale.ROOT)).reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    static FontIcon icon(Ikon ikon, String css) {
        FontIcon icon = new FontIcon(ikon);
        icon.getStyleClass().add(css);
        return icon;
    }
}
