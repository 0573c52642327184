package io.gatehouse.connectors.telemetry.exposition;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A strict, streaming parser of the Prometheus text exposition format (version 0.0.4). It reads
 * one line at a time and hands each sample to a consumer, so memory stays bounded by the longest
 * line and the number of families, never by the size of the input. It refuses what Prometheus's
 * own parser refuses: misplaced or repeated TYPE and HELP lines, bad names and escapes, histogram
 * non-numeric {@code le} and {@code quantile} labels, trailing text, and malformed numbers.
 */
public final class ExpositionParser {
    private final ExpositionLimits limits;
    private final Map<String, Family> families = new HashMap<>();
    private final char[] buffer = new char[8192];
    private long lineNumber;
    private long samples;

    /** What is known of a metric family so far. */
    private static final class Family {
        MetricType type = MetricType.UNTYPED;
        boolean typeSeen;
        boolean helpSeen;
        boolean samplesSeen;
    }

    public ExpositionParser(ExpositionLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Parses the whole input, giving each sample to {@code sink}; returns the number of samples. */
    public long parse(Reader in, Consumer<ExpositionSample> sink) throws IOException {
        StringBuilder line = new StringBuilder(256);
        boolean tooLong = false;
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    lineNumber++;
                    if (tooLong) {
                        throw new ExpositionException(lineNumber, limits.maxLineChars(),
                                "the line is longer than " + limits.maxLineChars() + " characters");
                    }
                    parseLine(line, sink);
                    line.setLength(0);
                } else if (!tooLong) {
                    if (line.length() >= limits.maxLineChars()) {
                        tooLong = true;
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        if (tooLong) {
            throw new ExpositionException(lineNumber + 1, limits.maxLineChars(),
                    "the line is longer than " + limits.maxLineChars() + " characters");
        }
        if (!line.isEmpty()) {
            lineNumber++;
            parseLine(line, sink);
        }
        return samples;
    }

    private void parseLine(CharSequence text, Consumer<ExpositionSample> sink) {
        LineScanner s = new LineScanner(text, lineNumber);
        s.skipBlanks();
        if (s.atEnd()) {
            return;
        }
        if (s.peek() == '#') {
            s.next();
            parseComment(s);
            return;
        }
        ExpositionSample sample = parseSample(s);
        if (++samples > limits.maxSamples()) {
            throw s.error("more than " + limits.maxSamples() + " samples");
        }
        sink.accept(sample);
    }

    private void parseComment(LineScanner s) {
        s.skipBlanks();
        String keyword = s.readWhile(c -> c != ' ' && c != '\t');
        if (!keyword.equals("HELP") && !keyword.equals("TYPE")) {
            return; // an ordinary comment
        }
        s.skipBlanks();
        if (s.atEnd()) {
            return; // Prometheus reads a bare "# HELP" or "# TYPE" as a comment
        }
        int nameAt = s.position();
        String name = s.readMetricName();
        if (name.isEmpty() || (!s.atEnd() && s.peek() != ' ' && s.peek() != '\t')) {
            throw s.errorAt(nameAt, "invalid metric name in " + keyword + " line");
        }
        s.skipBlanks();
        if (s.atEnd()) {
            return; // a name with nothing after it says nothing, and Prometheus ignores it too
        }
        Family family = family(name, s);
        if (keyword.equals("HELP")) {
            s.readHelpText();
            if (family.helpSeen) {
                throw s.errorAt(nameAt, "second HELP line for metric name " + name);
            }
            family.helpSeen = true;
            return;
        }
        int typeAt = s.position();
        String typeText = s.readWhile(c -> true);
        MetricType type = MetricType.parse(typeText);
        if (type == null) {
            throw s.errorAt(typeAt, "unknown metric type '" + shorten(typeText) + "'");
        }
        if (family.typeSeen || family.samplesSeen) {
            throw s.errorAt(nameAt, "second TYPE line for metric name " + name + ", or a TYPE line after its samples");
        }
        family.typeSeen = true;
        family.type = type;
    }

    private ExpositionSample parseSample(LineScanner s) {
        int nameAt = s.position();
        String name = s.readMetricName();
        if (name.isEmpty()) {
            throw s.errorAt(nameAt, "a sample must start with a metric name");
        }
        List<String> labels = new ArrayList<>(8);
        boolean blank = s.skipBlanks();
        boolean braces = !s.atEnd() && s.peek() == '{';
        if (braces) {
            s.next();
            readLabels(s, labels);
            s.skipBlanks();
        } else if (!blank && !s.atEnd()) {
            throw s.error("invalid character after the metric name");
        }
        int valueAt = s.position();
        String valueText = s.readWhile(c -> c != ' ' && c != '\t');
        if (valueText.isEmpty()) {
            throw s.errorAt(valueAt, "the sample has no value");
        }
        double value = GoFloat.parse(valueText);
        if (Double.isNaN(value) && !GoFloat.isNaNText(valueText)) {
            throw s.errorAt(valueAt, "'" + shorten(valueText) + "' is not a number");
        }
        // Prometheus allows nothing after the value but one blank run and a timestamp, and
        // nothing at all after the timestamp, not even a trailing blank.
        Long timestamp = null;
        if (!s.atEnd()) {
            s.skipBlanks();
            int tsAt = s.position();
            String tsText = s.readWhile(c -> c != ' ' && c != '\t');
            timestamp = parseTimestamp(tsText, s, tsAt);
            if (!s.atEnd()) {
                throw s.error("unexpected text after the timestamp");
            }
        }
        String familyName = familyOf(name);
        Family family = family(familyName, s);
        family.samplesSeen = true;
        checkTypedLabels(family.type, name, familyName, labels, s, nameAt);
        return new ExpositionSample(familyName, family.type, name, List.copyOf(labels), value, timestamp);
    }

    private void readLabels(LineScanner s, List<String> labels) {
        while (true) {
            s.skipBlanks();
            if (s.atEnd()) {
                throw s.error("the label set is not closed with '}'");
            }
            if (s.peek() == '}') {
                s.next();
                return;
            }
            int at = s.position();
            String labelName = s.readLabelName();
            if (labelName.isEmpty()) {
                throw s.errorAt(at, "invalid label name");
            }
            for (int i = 0; i < labels.size(); i += 2) {
                if (labels.get(i).equals(labelName)) {
                    throw s.errorAt(at, "label " + labelName + " appears twice");
                }
            }
            if (labels.size() / 2 >= limits.maxLabelsPerSample()) {
                throw s.errorAt(at, "more than " + limits.maxLabelsPerSample() + " labels on one sample");
            }
            s.skipBlanks();
            s.expect('=', "expected '=' after label name " + labelName);
            s.skipBlanks();
            s.expect('"', "expected '\"' to start the value of label " + labelName);
            labels.add(labelName);
            labels.add(s.readQuotedLabelValue());
            s.skipBlanks();
            if (s.atEnd()) {
                throw s.error("the label set is not closed with '}'");
            }
            char c = s.next();
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw s.errorAt(s.position() - 1, "expected ',' or '}' after a label value");
            }
        }
    }

    private static void checkTypedLabels(MetricType type, String name, String familyName, List<String> labels,
            LineScanner s, int at) {
        // Prometheus's parser lets a bucket lack 'le' and a quantile lack 'quantile'; when present,
        // each must be a number. The telemetry hub drops such shapeless samples and counts them.
        if (type == MetricType.HISTOGRAM && name.equals(familyName + "_bucket")) {
            String le = valueOf(labels, "le");
            if (le != null && Double.isNaN(GoFloat.parse(le)) && !GoFloat.isNaNText(le)) {
                throw s.errorAt(at, "histogram bucket " + name + " has an 'le' that is not a number");
            }
        }
        if (type == MetricType.SUMMARY && name.equals(familyName)) {
            String quantile = valueOf(labels, "quantile");
            if (quantile != null && Double.isNaN(GoFloat.parse(quantile)) && !GoFloat.isNaNText(quantile)) {
                throw s.errorAt(at, "summary sample " + name + " has a 'quantile' that is not a number");
            }
        }
    }

    private static String valueOf(List<String> labels, String name) {
        for (int i = 0; i < labels.size(); i += 2) {
            if (labels.get(i).equals(name)) {
                return labels.get(i + 1);
            }
        }
        return null;
    }

    // A histogram's _bucket/_sum/_count and a summary's _sum/_count belong to the declared family.
    private String familyOf(String name) {
        for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                Family base = families.get(name.substring(0, name.length() - suffix.length()));
                if (base != null && (base.type == MetricType.HISTOGRAM
                        || (base.type == MetricType.SUMMARY && !suffix.equals("_bucket")))) {
                    return name.substring(0, name.length() - suffix.length());
                }
            }
        }
        return name;
    }

    private Family family(String name, LineScanner s) {
        Family family = families.get(name);
        if (family == null) {
            if (families.size() >= limits.maxFamilies()) {
                throw s.error("more than " + limits.maxFamilies() + " metric families");
            }
            family = new Family();
            families.put(name, family);
        }
        return family;
    }

    private static Long parseTimestamp(String text, LineScanner s, int at) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw s.errorAt(at, "'" + shorten(text) + "' is not a timestamp in milliseconds");
        }
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
