package io.gatehouse.data.maturity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How far a criterion holds, on the five-step scale the scoring rule is defined on. */
public enum Grade {
    NONE(0), SOME(0.25), HALF(0.5), MOST(0.75), ALL(1);

    /** The score a level's criteria must each reach for the level to be met. */
    public static final double MEETS = 0.75;

    private final double score;

    Grade(double score) {
        this.score = score;
    }

    public double score() {
        return score;
    }

    /** The highest grade not above {@code score}: an automatic 0.7 is "half", never rounded up to "most". */
    public static Grade atMost(double score) {
        Grade best = NONE;
        for (Grade g : values()) {
            if (g.score <= score + 1e-9) {
                best = g;
            }
        }
        return best;
    }

    @JsonValue
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Grade fromFileName(String name) {
        for (Grade g : values()) {
            if (g.fileName().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown answer grade '" + name + "'; use none, some, half, most or all");
    }
}
