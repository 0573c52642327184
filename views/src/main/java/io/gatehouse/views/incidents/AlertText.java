package io.gatehouse.views.incidents;

import io.gatehouse.data.anomaly.AnomalyType;
import io.gatehouse.data.anomaly.Signal;
import io.gatehouse.data.incidents.Alert;
import io.gatehouse.data.incidents.AlertSeverity;
import io.gatehouse.views.common.I18n;
import java.text.NumberFormat;
import java.time.Duration;

/** The words and numbers of alerts and incidents, in the operator's language. */
public final class AlertText {
    private final I18n i18n;

    public AlertText(I18n i18n) {
        this.i18n = i18n;
    }

    public String type(AnomalyType type) {
        return i18n.get(switch (type) {
            case CREDENTIAL_STUFFING -> "incidents.type.credentialStuffing";
            case CARD_TESTING -> "incidents.type.cardTesting";
            case TOKEN_REPLAY -> "incidents.type.tokenReplay";
            case GATEWAY_ANOMALY -> "incidents.type.gatewayAnomaly";
            case UNUSUAL_GEOGRAPHY -> "incidents.type.unusualGeography";
        });
    }

    public String signal(Signal signal) {
        return i18n.get(switch (signal) {
            case LOGIN_FAILURES -> "incidents.signal.loginFailures";
            case DECLINES -> "incidents.signal.declines";
            case TOKEN_FAILURES -> "incidents.signal.tokenFailures";
            case CHECKOUT_ERRORS -> "incidents.signal.checkoutErrors";
            case SLOW_CHECKOUTS -> "incidents.signal.slowCheckouts";
            case P95_LATENCY -> "incidents.signal.p95Latency";
            case FOREIGN_ORIGIN -> "incidents.signal.foreignOrigin";
            case SIGNED_LOGIN_FAILURES -> "incidents.signal.signedLoginFailures";
            case SIGNED_TOKEN_FAILURES -> "incidents.signal.signedTokenFailures";
        });
    }

    /** Where the evidence of an alert came from: the backend's signed events or the scraped telemetry. */
    public String source(Signal signal) {
        return i18n.get(signal.signedEvents() ? "incidents.source.signedEvents" : "incidents.source.telemetry");
    }

    /** The source in a sentence, for the alert's details. */
    public String sourceDetail(Signal signal) {
        return i18n.get(signal.signedEvents() ? "incidents.source.signedEventsDetail" : "incidents.source.telemetryDetail");
    }

    public String severity(AlertSeverity severity) {
        return i18n.get(switch (severity) {
            case CRITICAL -> "incidents.severity.critical";
            case HIGH -> "incidents.severity.high";
            case MEDIUM -> "incidents.severity.medium";
        });
    }

    public String state(Alert alert) {
        String state = switch (alert.state()) {
            case OPEN -> i18n.get("incidents.state.open");
            case ACKNOWLEDGED -> i18n.get("incidents.state.acknowledged");
            case INCIDENT -> i18n.get("incidents.state.incidentNumber", alert.incidentId());
        };
        return alert.active() ? state : i18n.get("incidents.state.cleared", state);
    }

    public String confidence(double confidence) {
        NumberFormat percent = NumberFormat.getPercentInstance(i18n.locale());
        return percent.format(confidence);
    }

    /** An observed or expected value in the signal's unit. */
    public String value(Signal signal, double value) {
        return switch (signal.shape()) {
            case COUNT -> i18n.get("incidents.unit.perMinute", number(value, value < 10 ? 1 : 0));
            case RATIO -> {
                NumberFormat percent = NumberFormat.getPercentInstance(i18n.locale());
                percent.setMaximumFractionDigits(value < 0.1 ? 1 : 0);
                yield percent.format(value);
            }
            case LEVEL -> i18n.get("incidents.unit.seconds", number(value, 2));
        };
    }

    /** A duration as hours, minutes and seconds, at most two units. */
    public String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 60) {
            return i18n.get("incidents.duration.seconds", seconds);
        }
        if (seconds < 3600) {
            return i18n.get("incidents.duration.minutes", seconds / 60, seconds % 60);
        }
        return i18n.get("incidents.duration.hours", seconds / 3600, seconds % 3600 / 60);
    }

    private String number(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(i18n.locale());
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(digits);
        return f.format(value);
    }
}
