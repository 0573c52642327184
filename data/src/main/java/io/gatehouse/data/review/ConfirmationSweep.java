package io.gatehouse.data.review;

import java.util.List;
import java.util.Objects;

/**
 * Settles decisions left pending confirmation ({@link DeliveryState#SENT}) by reading their
 * upstream state back. Run it on the outbox's own thread from time to time: a decision the
 * upstream finished later is then confirmed, and one it closed otherwise becomes a conflict.
 */
public final class ConfirmationSweep {
    private static final int BATCH = 200;
    private static final System.Logger LOG = System.getLogger(ConfirmationSweep.class.getName());

    private final DecisionOutbox outbox;
    private final DecisionReadBack readBack;

    public ConfirmationSweep(DecisionOutbox outbox, DecisionReadBack readBack) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.readBack = Objects.requireNonNull(readBack, "readBack");
    }

    /** Reads back every entry pending confirmation once; returns how many were settled. */
    public int sweep() {
        List<OutboxEntry> pending = outbox.awaitingConfirmation(BATCH);
        int settled = 0;
        for (OutboxEntry entry : pending) {
            DeliveryOutcome outcome;
            try {
                outcome = readBack.readBack(entry);
            } catch (RuntimeException e) {
                // a defect in a connector must not stop the other entries from settling
                LOG.log(System.Logger.Level.ERROR, "reading back decision " + entry.id() + " failed unexpectedly", e);
                continue;
            }
            switch (outcome) {
                case DeliveryOutcome.Confirmed ok -> {
                    outbox.confirm(entry.id(), ok.answerJson());
                    settled++;
                }
                case DeliveryOutcome.Conflict conflict -> {
                    outbox.record(entry.id(), conflict, null);
                    settled++;
                }
                case DeliveryOutcome.Failed failed -> {
                    outbox.record(entry.id(), failed, null);
                    settled++;
                }
                case DeliveryOutcome.Accepted stillPending -> { }
                case DeliveryOutcome.Retry notReadable -> { }
            }
        }
        return settled;
    }
}
