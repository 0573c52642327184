package io.gatehouse.connectors.sandbox.cases;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A case's state in the sandbox; guarded by the world's lock, never shared outside it. */
public final class SandboxCase {
    /** Notes per case are bounded so one noisy case cannot grow the heap. */
    public static final int MAX_NOTES = 100;

    private final long sequence;
    private final String id;
    private final Instant created;
    private final CaseEvidence evidence;
    private final boolean fraudulent;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private final Deque<Prior> priors = new ArrayDeque<>();
    private CaseStatus status;
    private Decision standing;
    private boolean held;
    private boolean escalated;
    private Claim claim;
    private Instant updated;

    public SandboxCase(long sequence, Instant created, CaseEvidence evidence, boolean fraudulent, CaseStatus status) {
        this.sequence = sequence;
        this.id = "case_%010d".formatted(sequence);
        this.created = created;
        this.updated = created;
        this.evidence = evidence;
        this.fraudulent = fraudulent;
        this.status = status;
    }

    public long sequence() {
        return sequence;
    }

    public String id() {
        return id;
    }

    public Instant created() {
        return created;
    }

    public Instant updated() {
        return updated;
    }

    public CaseEvidence evidence() {
        return evidence;
    }

    /** Ground truth, known only to the simulation; it drives outcomes and is never served. */
    public boolean fraudulent() {
        return fraudulent;
    }

    public CaseStatus status() {
        return status;
    }

    public Decision standing() {
        return standing;
    }

    public List<Decision> decisions() {
        return decisions;
    }

    public List<Note> notes() {
        return notes;
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public boolean held() {
        return held;
    }

    public boolean escalated() {
        return escalated;
    }

    public Claim claim() {
        return claim;
    }

    /** The claim if its lease has not expired at {@code now}. */
    public Claim liveClaim(Instant now) {
        return claim != null && claim.liveAt(now) ? claim : null;
    }

    void setClaim(Claim claim, Instant at) {
        this.claim = claim;
        touch(at);
    }

    /** The state before a decision, kept so the decision can be undone. */
    record Prior(Decision decision, CaseStatus status, Decision standing, boolean held, boolean escalated) {
    }

    void record(Decision decision, CaseStatus newStatus, Decision newStanding, boolean newHeld,
                boolean newEscalated) {
        if (decision.action() != DecisionAction.UNDO) {
            priors.push(new Prior(decision, status, standing, held, escalated));
        }
        decisions.add(decision);
        status = newStatus;
        standing = newStanding;
        held = newHeld;
        escalated = newEscalated;
        touch(decision.created());
    }

    /** The most recent decision that can still be undone, with the state it replaced. */
    Prior lastUndoable() {
        return priors.peek();
    }

    void undo(Decision undo) {
        Prior prior = priors.pop();
        decisions.add(undo);
        status = prior.status();
        standing = prior.standing();
        held = prior.held();
        escalated = prior.escalated();
        touch(undo.created());
    }

    /** Adds a note; callers hold the world lock. */
    public void addNote(Note note) {
        notes.add(note);
        touch(note.created());
    }

    /** Adds an outcome; callers hold the world lock. */
    public void addOutcome(Outcome outcome) {
        outcomes.add(outcome);
        touch(outcome.created());
    }

    private void touch(Instant at) {
        if (at.isAfter(updated)) {
            updated = at;
        }
    }
}
