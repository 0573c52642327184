package io.gatehouse.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

/**
 * JavaFX loads {@code gatehouse.bss} in place of {@code gatehouse.css} when both are on the class path, so the
 * binary the build makes must say exactly what the text says; a stale one would quietly style the console with
 * yesterday's rules.
 */
class BinaryStylesheetTest {
    private static final String TEXT = "/io/gatehouse/views/gatehouse.css";
    private static final String BINARY = "/io/gatehouse/views/gatehouse.bss";

    @Test
    void theBinaryStylesheetHoldsEveryRuleOfTheTextOne() throws IOException {
        URL text = BinaryStylesheetTest.class.getResource(TEXT);
        URL binary = BinaryStylesheetTest.class.getResource(BINARY);
        assertNotNull(text, TEXT);
        assertNotNull(binary, BINARY + " is made beside the stylesheet by the views build (binary-stylesheet)");

        List<String> parsed = rules(new CssParser().parse(text));
        List<String> loaded = rules(Stylesheet.loadBinary(binary));

        assertFalse(parsed.isEmpty());
        assertEquals(parsed, loaded);
    }

    // a rule's selectors and each declaration's property, value and importance, in order
    private static List<String> rules(Stylesheet sheet) {
        return sheet.getRules().stream().map(BinaryStylesheetTest::describe).toList();
    }

    private static String describe(Rule rule) {
        StringBuilder out = new StringBuilder(rule.getSelectors().toString()).append(" {");
        for (Declaration declaration : rule.getDeclarations()) {
            out.append(' ').append(declaration.getProperty()).append(": ")
                    .append(value(declaration.getParsedValue())).append(declaration.isImportant() ? " !important" : "")
                    .append(';');
        }
        return out.append(" }").toString();
    }

    // a parsed value as written: looked-up colours and sizes in em stay unresolved, as the binary keeps them
    private static String value(Object value) {
        if (value instanceof javafx.css.ParsedValue<?, ?> parsed) {
            String converter = parsed.getConverter() == null ? "" : parsed.getConverter().getClass().getName();
            return converter + "(" + value(parsed.getValue()) + ")";
        }
        if (value instanceof Object[] values) {
            return java.util.Arrays.stream(values).map(BinaryStylesheetTest::value).toList().toString();
        }
        return String.valueOf(value);
    }
}
