package io.gatehouse.views.review;

import io.gatehouse.data.review.CaseFilter;
import io.gatehouse.data.review.CasePage;
import io.gatehouse.data.review.DecisionAction;
import io.gatehouse.data.review.DecisionOptions;
import io.gatehouse.data.review.DecisionResult;
import io.gatehouse.data.review.DeliveryState;
import io.gatehouse.data.review.OutboxEntry;
import io.gatehouse.data.review.ReviewDesk;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of the {@link ReviewDesk} the Review desk area uses. Every call blocks, so the view model
 * makes them on the background executor; tests give the area an in-memory one.
 */
public interface ReviewDeskPort {
    /** One page of cases matching the filter; a null cursor starts at the newest. */
    CasePage list(CaseFilter filter, String cursor);

    /** Where this console's latest decision on the case is on its way upstream, if it made one. */
    Optional<DeliveryState> latestDelivery(String caseId);

    /** Decides a case; a reversal needs a reason, the other actions may pass an empty one. */
    DecisionResult decide(String caseId, DecisionAction action, String reason);

    /** The port over the desk the app builds, with the desk's permissions, rules and audit. */
    static ReviewDeskPort of(ReviewDesk desk) {
        Objects.requireNonNull(desk, "desk");
        return new ReviewDeskPort() {
            @Override
            public CasePage list(CaseFilter filter, String cursor) {
                return desk.list(filter, cursor);
            }

            @Override
            public Optional<DeliveryState> latestDelivery(String caseId) {
                return desk.latestDecision(caseId).map(OutboxEntry::state);
            }

            @Override
            public DecisionResult decide(String caseId, DecisionAction action, String reason) {
                return desk.decide(caseId, action, reason, DecisionOptions.none());
            }
        };
    }
}
