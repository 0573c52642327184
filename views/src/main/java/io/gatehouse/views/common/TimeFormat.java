package io.gatehouse.views.common;

import io.gatehouse.data.settings.TimeDisplay;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Formats instants in the operator's language and chosen zone (the desktop's, or UTC). */
public final class TimeFormat {
    private final ZoneId zone;
    private final boolean utc;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter shortTime;
    private final DateTimeFormatter shortDateTime;

    public TimeFormat(Locale locale, TimeDisplay display, ZoneId localZone) {
        this.utc = display == TimeDisplay.UTC;
        this.zone = utc ? ZoneOffset.UTC : localZone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.shortTime = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.shortDateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** Date and time, marked "UTC" when times are shown in UTC so nobody mistakes the zone. */
    public String dateTime(Instant instant) {
        return dateTime.format(instant) + (utc ? " UTC" : "");
    }

    /** Date, hours and minutes, for table columns where seconds would only crowd out the date. */
    public String shortDateTime(Instant instant) {
        return shortDateTime.format(instant) + (utc ? " UTC" : "");
    }

    /** Hours and minutes only, for tight places such as the status bar. */
    public String shortTime(Instant instant) {
        return shortTime.format(instant) + (utc ? " UTC" : "");
    }
}
