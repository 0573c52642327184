package io.gatehouse.views.executive;

import io.gatehouse.data.roi.RoiBook;
import java.util.Currency;
import java.util.Optional;

/**
 * Gathers the executive facts from the console's services. Blocking: it reads telemetry, the
 * store and the fraud queue, so call it off the FX thread.
 */
@FunctionalInterface
public interface ExecutiveSource {
    /** The facts now, with money in {@code currency} (null: the saved reporting currency). */
    ExecutiveFacts gather(Currency currency);

    /** Where the ROI table is edited, or empty when this source cannot edit it. */
    default Optional<RoiBook> roiBook() {
        return Optional.empty();
    }
}
