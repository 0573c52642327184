package io.gatehouse.data.roi;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One ROI row as reported, every amount in the reporting currency.
 *
 * @param row               the row as configured (its baseline in its own currency)
 * @param baseline          the yearly baseline, converted
 * @param targetSaving      what the target saves a year, converted
 * @param expectedToDate    the baseline prorated over the time since the programme started: what the
 *                          losses would have been without it
 * @param lossesToDate      measured or entered losses since the start; empty when neither is known
 * @param origin            where {@code lossesToDate} came from; {@link ActualSource#ENTERED} with empty
 *                          losses means nothing was entered yet
 * @param achievedReduction 1 - losses / expected, in percent; empty without losses or before any time passed
 */
public record RoiProgress(RoiRow row, Amount baseline, Amount targetSaving, Amount expectedToDate,
        Optional<Amount> lossesToDate, ActualSource origin, Optional<BigDecimal> achievedReduction) {

    /** Expected minus actual losses to date: what the programme has saved so far. */
    public Optional<Amount> savedToDate() {
        return lossesToDate.map(expectedToDate::minus);
    }

    /** Whether the achieved reduction has reached the target. */
    public boolean onTarget() {
        return achievedReduction.map(a -> a.compareTo(row.targetReduction()) >= 0).orElse(false);
    }
}
