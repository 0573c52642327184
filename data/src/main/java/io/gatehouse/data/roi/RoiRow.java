package io.gatehouse.data.roi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of the ROI table: an area of loss, what it cost a year before the programme, how much
 * of that the programme means to remove and by when.
 *
 * @param id               stable key (the seeded rows use {@code auth-friction}, {@code fraud-losses},
 *                         {@code downtime}, {@code compliance-fines})
 * @param area             the area's name as shown
 * @param baseline         losses per year before the programme
 * @param targetReduction  the share of the baseline to remove, in percent (0..100)
 * @param timeFrameMonths  months to reach the target
 * @param notes            free text
 * @param source           how losses to date are known
 */
public record RoiRow(String id, String area, Amount baseline, BigDecimal targetReduction, int timeFrameMonths,
        String notes, ActualSource source) {
    public RoiRow {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,47}")) {
            throw new IllegalArgumentException("an ROI row id is 1 to 48 lower-case letters, digits or dashes, got '" + id + "'");
        }
        if (area == null || area.isBlank() || area.length() > 120) {
            throw new IllegalArgumentException("an ROI row needs an area name of 1 to 120 characters");
        }
        Objects.requireNonNull(baseline, "baseline");
        if (baseline.value().signum() < 0) {
            throw new IllegalArgumentException("the baseline of '" + area + "' must not be negative");
        }
        Objects.requireNonNull(targetReduction, "targetReduction");
        if (targetReduction.signum() < 0 || targetReduction.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("the target reduction of '" + area + "' must be between 0 and 100 %, got "
                    + targetReduction.toPlainString());
        }
        if (timeFrameMonths < 1 || timeFrameMonths > 120) {
            throw new IllegalArgumentException("the time frame of '" + area + "' must be 1 to 120 months, got " + timeFrameMonths);
        }
        notes = notes == null ? "" : notes;
        if (notes.length() > 500) {
            throw new IllegalArgumentException("the notes of '" + area + "' are longer than 500 characters");
        }
        Objects.requireNonNull(source, "source");
    }

    /** What the programme means to save a year once the target is reached: baseline times target. */
    public Amount targetSavingPerYear() {
        return baseline.times(targetReduction.movePointLeft(2));
    }
}
