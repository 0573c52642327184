package io.gatehouse.views.executive;

import java.util.Currency;

/**
 * Gathers the executive facts from the console's services. Blocking: it reads telemetry, the
 * store and the fraud queue, so call it off the FX thread.
 */
@FunctionalInterface
public interface ExecutiveSource {
    /** The facts now, with money in {@code currency} (null: the saved reporting currency). */
    ExecutiveFacts gather(Currency currency);
}
