package io.gatehouse.connectors.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.time.Duration;

/** Strict reading of request fields and query parameters, each failure a clear 400. */
final class Fields {
    private static final int MAX_TEXT = 2_000;

    private Fields() {
    }

    static String requiredText(JsonNode body, String name) {
        String value = optionalText(body, name);
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid("'" + name + "' is required");
        }
        return value;
    }

    static String optionalText(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiProblem.invalid("'" + name + "' must be a string");
        }
        if (node.textValue().length() > MAX_TEXT) {
            throw ApiProblem.invalid("'" + name + "' is longer than " + MAX_TEXT + " characters");
        }
        return node.textValue();
    }

    static Integer intParam(String raw, String name, int min, int max) {
        if (raw == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw ApiProblem.invalid("'" + name + "' must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("'" + name + "' must be an integer");
        }
    }

    static Long longParam(String raw, String name) {
        if (raw == null) {
            return null;
        }
        try {
            long value = Long.parseLong(raw);
            if (value < 0) {
                throw ApiProblem.invalid("'" + name + "' must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("'" + name + "' must be an integer");
        }
    }

    static Duration secondsParam(String raw, String name) {
        Long seconds = longParam(raw, name);
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }
}
