package io.gatehouse.views.dashboard;

import io.gatehouse.data.telemetry.Kpi;
import io.gatehouse.views.common.I18n;
import java.text.NumberFormat;
import java.util.OptionalDouble;

/** KPI values as the operator reads them, in the console's language; a missing value reads "no data". */
public final class KpiFormat {
    private final I18n i18n;
    private final NumberFormat perMinute;
    private final NumberFormat perMinuteLarge;
    private final NumberFormat percent;
    private final NumberFormat seconds;
    private final NumberFormat millis;

    public KpiFormat(I18n i18n) {
        this.i18n = i18n;
        this.perMinute = NumberFormat.getNumberInstance(i18n.locale());
        perMinute.setMaximumFractionDigits(1);
        this.perMinuteLarge = NumberFormat.getIntegerInstance(i18n.locale());
        this.percent = NumberFormat.getPercentInstance(i18n.locale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        this.seconds = NumberFormat.getNumberInstance(i18n.locale());
        seconds.setMinimumFractionDigits(2);
        seconds.setMaximumFractionDigits(2);
        this.millis = NumberFormat.getIntegerInstance(i18n.locale());
    }

    /** The value with its unit, or the words for "no data" (never 0). */
    public String value(Kpi kpi, OptionalDouble value) {
        if (value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
            return i18n.get("dashboard.noData");
        }
        double v = value.getAsDouble();
        return switch (kpi.unit()) {
            // a tenth matters for small rates only; large ones stay short enough for a tile
            case PER_MINUTE -> i18n.get("dashboard.unit.perMinute", (Math.abs(v) >= 100 ? perMinuteLarge : perMinute).format(v));
            case RATIO -> percent.format(v);
            case SECONDS -> v < 1 ? i18n.get("dashboard.unit.millis", millis.format(v * 1000))
                    : i18n.get("dashboard.unit.seconds", seconds.format(v));
        };
    }

    /** The tile title of a KPI. */
    public String title(Kpi kpi) {
        return switch (kpi) {
            case CHECKOUT_ATTEMPTS_PER_MIN -> i18n.get("dashboard.kpi.checkoutAttempts");
            case AUTHORISATION_RATE -> i18n.get("dashboard.kpi.authorisationRate");
            case DECLINE_RATE_BY_REASON -> i18n.get("dashboard.kpi.declineRate");
            case FRAUD_FLAG_RATE -> i18n.get("dashboard.kpi.fraudFlagRate");
            case ERROR_RATE -> i18n.get("dashboard.kpi.errorRate");
            case P95_LATENCY -> i18n.get("dashboard.kpi.p95Latency");
            case LOGIN_FAILURES_PER_MIN -> i18n.get("dashboard.kpi.loginFailures");
            case TOKEN_VALIDATION_FAILURES_PER_MIN -> i18n.get("dashboard.kpi.tokenFailures");
            case CHECKOUT_ATTEMPTS_BY_RAIL -> i18n.get("dashboard.kpi.byRail");
        };
    }

    /**
     * A decline reason as the operator reads it. The reasons are an open set (each processor has its
     * own), so a reason without words of its own is shown as the source names it.
     */
    public String reason(String wireName) {
        String key = switch (wireName) {
            case "insufficient_funds" -> "dashboard.reason.insufficientFunds";
            case "do_not_honor" -> "dashboard.reason.doNotHonor";
            case "expired_card" -> "dashboard.reason.expiredCard";
            case "incorrect_cvc" -> "dashboard.reason.incorrectCvc";
            case "avs_mismatch" -> "dashboard.reason.avsMismatch";
            case "card_declined" -> "dashboard.reason.cardDeclined";
            case "fraudulent" -> "dashboard.reason.fraudulent";
            default -> null;
        };
        return key == null ? wireName.replace('_', ' ') : i18n.get(key);
    }

    /** A payment rail as the operator reads it; an unknown rail is shown as the source names it. */
    public String rail(String wireName) {
        String key = switch (wireName) {
            case "card" -> "dashboard.rail.card";
            case "wallet" -> "dashboard.rail.wallet";
            case "bank_transfer" -> "dashboard.rail.bankTransfer";
            case "upi" -> "dashboard.rail.upi";
            case "pix" -> "dashboard.rail.pix";
            case "konbini" -> "dashboard.rail.konbini";
            default -> null;
        };
        return key == null ? wireName.replace('_', ' ') : i18n.get(key);
    }

    /** A share as a percentage with one decimal. */
    public String share(double ratio) {
        return percent.format(ratio);
    }
}
