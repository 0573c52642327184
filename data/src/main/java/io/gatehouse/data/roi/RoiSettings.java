package io.gatehouse.data.roi;

import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * How the ROI table is reported.
 *
 * @param reportingCurrency every amount on the slides and in the report is converted to it
 * @param programmeStart    when the security programme started: losses to date count from here
 * @param downtimeCostPerHour what an hour of checkout outage costs; measured downtime is priced with it
 */
public record RoiSettings(Currency reportingCurrency, Instant programmeStart, Amount downtimeCostPerHour) {
    public RoiSettings {
        Objects.requireNonNull(reportingCurrency, "reportingCurrency");
        Objects.requireNonNull(programmeStart, "programmeStart");
        Objects.requireNonNull(downtimeCostPerHour, "downtimeCostPerHour");
        if (downtimeCostPerHour.value().signum() < 0) {
            throw new IllegalArgumentException("the cost of an hour of downtime must not be negative");
        }
    }

    public RoiSettings withReportingCurrency(Currency currency) {
        return new RoiSettings(currency, programmeStart, downtimeCostPerHour);
    }
}
