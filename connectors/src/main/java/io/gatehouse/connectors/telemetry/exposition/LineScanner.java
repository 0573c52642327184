package io.gatehouse.connectors.telemetry.exposition;

import java.util.function.IntPredicate;

/** A cursor over one line of exposition text, with the format's token rules. */
final class LineScanner {
    private final CharSequence text;
    private final long line;
    private int pos;

    LineScanner(CharSequence text, long line) {
        this.text = text;
        this.line = line;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return text.charAt(pos);
    }

    char next() {
        return text.charAt(pos++);
    }

    int position() {
        return pos;
    }

    /** Skips blanks and tabs; true when at least one was skipped. */
    boolean skipBlanks() {
        int start = pos;
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
        return pos > start;
    }

    String readWhile(IntPredicate accept) {
        int start = pos;
        while (pos < text.length() && accept.test(text.charAt(pos))) {
            pos++;
        }
        return text.subSequence(start, pos).toString();
    }

    /** {@code [a-zA-Z_:][a-zA-Z0-9_:]*}, or empty when the next character cannot start one. */
    String readMetricName() {
        int start = pos;
        if (pos < text.length() && isNameStart(text.charAt(pos), true)) {
            pos++;
            while (pos < text.length() && isNamePart(text.charAt(pos), true)) {
                pos++;
            }
        }
        return text.subSequence(start, pos).toString();
    }

    /** {@code [a-zA-Z_][a-zA-Z0-9_]*}, or empty. */
    String readLabelName() {
        int start = pos;
        if (pos < text.length() && isNameStart(text.charAt(pos), false)) {
            pos++;
            while (pos < text.length() && isNamePart(text.charAt(pos), false)) {
                pos++;
            }
        }
        return text.subSequence(start, pos).toString();
    }

    /** Reads up to the closing quote; only {@code \\}, {@code \"} and {@code \n} are escapes. */
    String readQuotedLabelValue() {
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("a label value is not closed with '\"'");
            }
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (atEnd()) {
                    throw error("a label value ends in a lone backslash");
                }
                char escaped = next();
                switch (escaped) {
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    case 'n' -> value.append('\n');
                    default -> throw errorAt(pos - 2, "invalid escape sequence '\\" + escaped + "' in a label value");
                }
            } else {
                value.append(c);
            }
        }
    }

    /** Reads a HELP docstring to the end of the line; only {@code \\} and {@code \n} are escapes. */
    String readHelpText() {
        StringBuilder help = new StringBuilder();
        while (!atEnd()) {
            char c = next();
            if (c == '\\') {
                if (atEnd()) {
                    throw error("a HELP text ends in a lone backslash");
                }
                char escaped = next();
                switch (escaped) {
                    case '\\' -> help.append('\\');
                    case 'n' -> help.append('\n');
                    default -> throw errorAt(pos - 2, "invalid escape sequence '\\" + escaped + "' in a HELP text");
                }
            } else {
                help.append(c);
            }
        }
        return help.toString();
    }

    void expect(char c, String problem) {
        if (atEnd() || peek() != c) {
            throw error(problem);
        }
        pos++;
    }

    ExpositionException error(String problem) {
        return errorAt(pos, problem);
    }

    ExpositionException errorAt(int position, String problem) {
        return new ExpositionException(line, position + 1, problem);
    }

    private static boolean isNameStart(char c, boolean colonAllowed) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colonAllowed && c == ':');
    }

    private static boolean isNamePart(char c, boolean colonAllowed) {
        return isNameStart(c, colonAllowed) || (c >= '0' && c <= '9');
    }
}
