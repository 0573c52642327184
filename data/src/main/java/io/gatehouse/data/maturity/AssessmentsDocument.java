package io.gatehouse.data.maturity;

import java.util.List;

/** The content of an assessments file: its format, version and one or more assessments. */
public record AssessmentsDocument(String format, int version, List<Assessment> assessments) {
    public static final String FORMAT = "gatehouse-assessments";
    public static final int VERSION = 1;

    public static AssessmentsDocument of(List<Assessment> assessments) {
        return new AssessmentsDocument(FORMAT, VERSION, List.copyOf(assessments));
    }
}
