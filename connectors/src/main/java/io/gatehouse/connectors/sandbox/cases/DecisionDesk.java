package io.gatehouse.connectors.sandbox.cases;

import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The rules for deciding a case: which actions apply to which status, and what conflicts. */
public final class DecisionDesk {
    /** Undo is for slips of the hand, not second thoughts days later; those need a reversal. */
    public static final Duration UNDO_WINDOW = Duration.ofMinutes(15);
    /** The analyst name the rules engine uses for automated declines. */
    public static final String SYSTEM = "system";

    /** The decision and whether it was newly made (201) or already stood (200). */
    public record Result(Decision decision, boolean created) {
    }

    private final ClaimLease claims;
    private long nextDecision = 1;

    public DecisionDesk(ClaimLease claims) {
        this.claims = claims;
    }

    /** The standing decline written when the rules decline an order automatically. */
    public Decision autoDecline(SandboxCase c, String rule, Instant at) {
        Decision d = newDecision(c, new DecisionRequest(DecisionAction.DECLINE, rule, SYSTEM, List.of(), null), at);
        c.record(d, CaseStatus.AUTO_DECLINED, d, false, false);
        return d;
    }

    public Result decide(SandboxCase c, DecisionRequest request, Instant now) {
        if (request.notification() != null && request.action() != DecisionAction.REVERSE_DECLINE) {
            throw ApiProblem.invalid("a customer notification is only sent with reverse_decline");
        }
        claims.requireNotHeldByOther(c, request.analyst(), now);
        return switch (request.action()) {
            case UNDO -> undo(c, request, now);
            case HOLD, ESCALATE -> flag(c, request, now);
            case APPROVE, DECLINE, REVERSE_DECLINE -> decideFinally(c, request, now);
        };
    }

    private Result decideFinally(SandboxCase c, DecisionRequest request, Instant now) {
        Decision standing = c.standing();
        DecisionAction action = request.action();
        if (standing == null) {
            if (action == DecisionAction.REVERSE_DECLINE) {
                throw new ApiProblem(409, "invalid-transition", "Nothing to reverse",
                        c.id() + " has not been declined; approve or decline it");
            }
            Decision d = newDecision(c, request, now);
            c.record(d, CaseStatus.DECIDED, d, false, false);
            return new Result(d, true);
        }
        if (standing.action() == action
                || (standing.analyst().equals(SYSTEM) && action == DecisionAction.DECLINE)) {
            // Asking again for what already stands is harmless: answer with the decision that stands.
            return new Result(standing, false);
        }
        if (action == DecisionAction.REVERSE_DECLINE && standing.action() == DecisionAction.DECLINE) {
            Decision d = newDecision(c, request, now);
            c.record(d, CaseStatus.DECIDED, d, false, false);
            return new Result(d, true);
        }
        throw alreadyDecided(c, standing);
    }

    private Result flag(SandboxCase c, DecisionRequest request, Instant now) {
        if (c.standing() != null) {
            throw alreadyDecided(c, c.standing());
        }
        Decision d = newDecision(c, request, now);
        boolean hold = request.action() == DecisionAction.HOLD;
        c.record(d, CaseStatus.REVIEW, null, hold || c.held(), !hold || c.escalated());
        return new Result(d, true);
    }

    private Result undo(SandboxCase c, DecisionRequest request, Instant now) {
        SandboxCase.Prior prior = c.lastUndoable();
        if (prior == null || prior.decision().analyst().equals(SYSTEM)) {
            throw new ApiProblem(409, "nothing-to-undo", "Nothing to undo",
                    c.id() + " has no analyst decision to undo");
        }
        if (!prior.decision().analyst().equals(request.analyst())) {
            // taking back someone else's decision is a reversal, recorded with its own reason; a conflict, not a
            // refused key, so that a console shows the standing decision instead of retrying
            throw new ApiProblem(409, "not-your-decision", "Only the deciding analyst can undo",
                    "the decision that stands on " + c.id() + " is " + prior.decision().analyst()
                            + "'s; use reverse_decline", Map.of("decision", prior.decision()));
        }
        if (Duration.between(prior.decision().created(), now).compareTo(UNDO_WINDOW) > 0) {
            throw new ApiProblem(409, "undo-window-expired", "Too late to undo",
                    "decisions can be undone for " + UNDO_WINDOW.toMinutes() + " minutes; use reverse_decline",
                    Map.of("decision", prior.decision()));
        }
        Decision d = new Decision("dec_%010d".formatted(nextDecision++), c.id(), DecisionAction.UNDO,
                request.reason(), request.analyst(), now, List.of(), null, prior.decision().id());
        c.undo(d);
        return new Result(d, true);
    }

    private Decision newDecision(SandboxCase c, DecisionRequest r, Instant now) {
        return new Decision("dec_%010d".formatted(nextDecision++), c.id(), r.action(), r.reason(), r.analyst(),
                now, List.copyOf(r.allowlist()), r.notification(), null);
    }

    private static ApiProblem alreadyDecided(SandboxCase c, Decision standing) {
        return new ApiProblem(409, "case-already-decided", "The case is already decided",
                c.id() + " stands at " + standing.action().wireName() + " by " + standing.analyst(),
                Map.of("decision", standing));
    }
}
