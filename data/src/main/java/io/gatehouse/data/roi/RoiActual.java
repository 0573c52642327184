package io.gatehouse.data.roi;

import java.time.Instant;
import java.util.Objects;

/**
 * Losses to date for a row the console cannot measure, as entered: the latest entry counts.
 *
 * @param rowId      the ROI row
 * @param lossesToDate losses since the programme started
 * @param recordedAt when it was entered
 * @param recordedBy the operator who entered it
 * @param note       where the figure comes from
 */
public record RoiActual(String rowId, Amount lossesToDate, Instant recordedAt, String recordedBy, String note) {
    public RoiActual {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(lossesToDate, "lossesToDate");
        if (lossesToDate.value().signum() < 0) {
            throw new IllegalArgumentException("losses to date must not be negative");
        }
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
        note = note == null ? "" : note;
    }
}
