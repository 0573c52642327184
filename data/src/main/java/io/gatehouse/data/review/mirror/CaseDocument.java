package io.gatehouse.data.review.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gatehouse.data.review.ReviewCase;

/** A case as the mirror keeps it: the desk's own record as JSON, so a page needs no upstream call. */
public final class CaseDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CaseDocument() {
    }

    public static String write(ReviewCase c) {
        try {
            return MAPPER.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case record always serialises", e);
        }
    }

    /** Reads a stored case; a row that no longer reads (an older layout) is reported, not guessed at. */
    public static ReviewCase read(String json) {
        try {
            return MAPPER.readValue(json, ReviewCase.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a stored case cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}
