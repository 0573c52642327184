package io.gatehouse.data.telemetry;

import java.util.List;

/**
 * What the hub took and what it refused, so a view can say so instead of hiding it.
 *
 * @param accepted            samples stored
 * @param droppedNotFinite    NaN or infinite samples, kept out of the series ("no data", not a value)
 * @param droppedOutOfOrder   samples not newer than their series' newest point, or far ahead of the hub's clock (late or skewed clocks)
 * @param droppedOverCapacity samples of series refused by the cardinality caps
 * @param refusedSeriesExamples up to 16 of the refused series, to name in the warning
 * @param evictedSeries       series removed after going silent for the whole retained span
 * @param series              series held now
 * @param points              points held now
 */
public record HubStats(long accepted, long droppedNotFinite, long droppedOutOfOrder, long droppedOverCapacity,
        List<SeriesKey> refusedSeriesExamples, long evictedSeries, int series, long points) {
    public HubStats {
        refusedSeriesExamples = List.copyOf(refusedSeriesExamples);
    }

    /** True when the cardinality caps refused anything: views say the data is incomplete. */
    public boolean capped() {
        return droppedOverCapacity > 0;
    }
}
