package io.gatehouse.connectors.telemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus HTTP API envelope ({@code status}, {@code data}, {@code errorType},
 * {@code error}, {@code warnings}) strictly: every field the console uses must have the documented
 * shape, or the whole answer is refused. Fields it does not use (such as {@code infos} from newer
 * servers) are ignored, so an upgrade upstream does not break the console.
 */
final class PromEnvelopeParser {
    /** Bounds beyond the body size: a hostile answer cannot make deep trees or huge numbers. */
    static final int MAX_SERIES = 20_000;
    static final int MAX_POINTS = 2_000_000;
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxNumberLength(64)
                    .maxStringLength(1 << 20).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** An error envelope: Prometheus's errorType and error text. */
    record ErrorEnvelope(String errorType, String error) {
    }

    /** Thrown when the answer is not a well-formed envelope; the caller names the connection. */
    static final class MalformedEnvelope extends Exception {
        MalformedEnvelope(String message) {
            super(message);
        }
    }

    /** Either a result or an error, from one answer. */
    record Envelope(PromResult result, ErrorEnvelope error) {
    }

    private PromEnvelopeParser() {
    }

    static Envelope parse(byte[] body) throws MalformedEnvelope {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new MalformedEnvelope("the answer is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEnvelope("the answer is not a JSON object");
        }
        String status = text(root, "status", true);
        List<String> warnings = strings(root.get("warnings"));
        return switch (status) {
            case "error" -> new Envelope(null, new ErrorEnvelope(text(root, "errorType", false), text(root, "error", false)));
            case "success" -> new Envelope(result(root.get("data"), warnings), null);
            default -> throw new MalformedEnvelope("the status is '" + shorten(status) + "', not success or error");
        };
    }

    private static PromResult result(JsonNode data, List<String> warnings) throws MalformedEnvelope {
        if (data == null || !data.isObject()) {
            throw new MalformedEnvelope("a success answer has no data object");
        }
        String type = text(data, "resultType", true);
        JsonNode result = data.get("result");
        List<PromSeries> series = new ArrayList<>();
        switch (type) {
            case "scalar" -> {
                Point p = point(result);
                series.add(new PromSeries(Map.of(), new long[] {p.millis}, new double[] {p.value}));
            }
            case "vector", "matrix" -> {
                if (result == null || !result.isArray()) {
                    throw new MalformedEnvelope("the " + type + " result is not an array");
                }
                if (result.size() > MAX_SERIES) {
                    throw new MalformedEnvelope("more than " + MAX_SERIES + " series");
                }
                long points = 0;
                for (JsonNode s : result) {
                    PromSeries one = type.equals("vector") ? vectorSeries(s) : matrixSeries(s);
                    points += one.values().length;
                    if (points > MAX_POINTS) {
                        throw new MalformedEnvelope("more than " + MAX_POINTS + " points");
                    }
                    series.add(one);
                }
            }
            default -> throw new MalformedEnvelope("the result type '" + shorten(type) + "' is not supported");
        }
        return new PromResult(type, series, warnings);
    }

    private static PromSeries vectorSeries(JsonNode s) throws MalformedEnvelope {
        Map<String, String> labels = labels(s);
        Point p = point(s.get("value"));
        return new PromSeries(labels, new long[] {p.millis}, new double[] {p.value});
    }

    private static PromSeries matrixSeries(JsonNode s) throws MalformedEnvelope {
        Map<String, String> labels = labels(s);
        JsonNode values = s.get("values");
        if (values == null || !values.isArray()) {
            throw new MalformedEnvelope("a matrix series has no values array");
        }
        long[] at = new long[values.size()];
        double[] v = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
            Point p = point(values.get(i));
            if (i > 0 && p.millis <= at[i - 1]) {
                throw new MalformedEnvelope("matrix points are not in time order");
            }
            at[i] = p.millis;
            v[i] = p.value;
        }
        return new PromSeries(labels, at, v);
    }

    private static Map<String, String> labels(JsonNode s) throws MalformedEnvelope {
        if (s == null || !s.isObject()) {
            throw new MalformedEnvelope("a series is not an object");
        }
        JsonNode metric = s.get("metric");
        if (metric == null || !metric.isObject()) {
            throw new MalformedEnvelope("a series has no metric object");
        }
        Map<String, String> labels = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metric.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new MalformedEnvelope("label " + shorten(e.getKey()) + " is not a string");
            }
            labels.put(e.getKey(), e.getValue().textValue());
        }
        return labels;
    }

    private record Point(long millis, double value) {
    }

    // [ <unix seconds as a number>, "<value as a string>" ]
    private static Point point(JsonNode pair) throws MalformedEnvelope {
        if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber() || !pair.get(1).isTextual()) {
            throw new MalformedEnvelope("a sample is not [time, \"value\"]");
        }
        long millis = pair.get(0).decimalValue().movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        return new Point(millis, value(pair.get(1).textValue()));
    }

    static double value(String text) throws MalformedEnvelope {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!DECIMAL.matcher(text).matches()) {
                    throw new MalformedEnvelope("'" + shorten(text) + "' is not a sample value");
                }
                yield Double.parseDouble(text);
            }
        };
    }

    private static String text(JsonNode node, String field, boolean required) throws MalformedEnvelope {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new MalformedEnvelope("the field " + field + " is missing");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new MalformedEnvelope("the field " + field + " is not a string");
        }
        return v.textValue();
    }

    private static List<String> strings(JsonNode node) throws MalformedEnvelope {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > 100) {
            throw new MalformedEnvelope("warnings is not a short array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode w : node) {
            if (!w.isTextual()) {
                throw new MalformedEnvelope("warnings is not a short array of strings");
            }
            out.add(shorten(w.textValue()));
        }
        return out;
    }

    /** Upstream text shown to the user: one line, at most 300 characters. */
    static String shorten(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
