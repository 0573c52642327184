package io.gatehouse.data.maturity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gatehouse.data.evidence.Measurement;
import java.util.Objects;

/**
 * The answer to one criterion, with its evidence: a note, a link, or the automatic measurement that
 * set the grade (then the grade is the measurement's, never typed in).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Answer(String criterion, Grade grade, String note, String link, Measurement measurement) {
    public Answer {
        Ids.check(criterion, "criterion");
        Objects.requireNonNull(grade, "grade");
        note = note == null ? "" : note;
        link = link == null ? "" : link;
    }

    public static Answer of(String criterion, Grade grade) {
        return new Answer(criterion, grade, "", "", null);
    }

    /** The answer a measurement gives, rounded down to the grade it fully reaches. */
    public static Answer measured(String criterion, Measurement m) {
        return new Answer(criterion, Grade.atMost(m.score()), "", "", m);
    }

    public boolean automatic() {
        return measurement != null;
    }

    public double score() {
        return grade.score();
    }
}
