package io.gatehouse.views.executive;

import io.gatehouse.data.roi.Amount;
import io.gatehouse.views.common.I18n;
import io.gatehouse.views.common.MoneyFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Numbers, shares, times and money as the slides write them, in the report's language. */
final class SlideFormats {
    private final I18n i18n;
    private final Locale locale;
    private final ZoneId zone;

    SlideFormats(I18n i18n, ZoneId zone) {
        this.i18n = i18n;
        this.locale = i18n.locale();
        this.zone = zone;
    }

    /** 0.1234 as "12.3 %" (English) or "12,3 %" (German). */
    String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(share != 0 && Math.abs(share) < 0.1 ? 1 : 0);
        f.setMaximumFractionDigits(Math.abs(share) < 0.1 ? 1 : 0);
        return f.format(share);
    }

    /** A percentage given in percent units: 60 as "60 %". */
    String percentUnits(java.math.BigDecimal pct) {
        return percent(pct.doubleValue() / 100.0);
    }

    /** A maturity value with one decimal: 2.4. */
    String oneDecimal(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(value);
    }

    /** A change with its sign: +0.5, −0.3, ±0.0. */
    String signed(double delta) {
        double rounded = Math.round(delta * 10) / 10.0;
        String sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "±";
        return sign + oneDecimal(Math.abs(rounded));
    }

    /** A count as a whole number with grouping, or with one decimal when it is a fraction (a rate times a window). */
    String count(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(value == Math.rint(value) ? 0 : 1);
        return f.format(value);
    }

    /** A score 0..1 with two decimals. */
    String decimal(double value) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(value);
    }

    /** Money in its currency's home conventions, to the currency's own digits. */
    String money(Amount amount) {
        Locale moneyLocale = MoneyLocales.of(amount.currency(), locale);
        String text = MoneyFormat.format(amount.scaled(), amount.currency(), moneyLocale);
        return "IN".equals(moneyLocale.getCountry()) ? IndianGrouping.apply(text) : text;
    }

    /** 40 s, 45 min, 2.5 h or 3 d: the unit a reader takes in at once. */
    String duration(Duration d) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(1);
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return i18n.get("exec.unit.seconds", f.format(seconds));
        }
        if (seconds < 3600) {
            return i18n.get("exec.unit.minutes", f.format(seconds / 60.0));
        }
        if (seconds < 48 * 3600) {
            return i18n.get("exec.unit.hours", f.format(seconds / 3600.0));
        }
        return i18n.get("exec.unit.days", f.format(seconds / 86_400.0));
    }

    String date(Instant at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone).format(at);
    }

    /** A calendar date, such as an assessment's or a due date. */
    String date(java.time.LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
    }

    String dateTime(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone)
                .format(at);
    }
}
