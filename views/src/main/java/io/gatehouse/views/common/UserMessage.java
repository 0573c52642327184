package io.gatehouse.views.common;

import java.util.Objects;

/** A message for the operator: what happened, what to do, and technical detail for support. */
public record UserMessage(Severity severity, String title, String whatHappened, String whatToDo, String technicalDetail) {
    public UserMessage {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        whatHappened = whatHappened == null ? "" : whatHappened;
        whatToDo = whatToDo == null ? "" : whatToDo;
        technicalDetail = technicalDetail == null ? "" : technicalDetail;
    }
}
