package io.gatehouse.data.maturity;

import java.util.regex.Pattern;

/** The shape of ids in catalogues and assessments: short, readable, safe in files and URLs. */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {
    }

    /** Returns {@code id} when it is 1 to 64 letters, digits, dots, dashes or underscores. */
    public static String check(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a " + what + " id is 1 to 64 letters, digits, '.', '-' or '_': '" + id + "'");
        }
        return id;
    }
}
