package io.gatehouse.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.data.keys.CryptoperiodStatus;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyVersion;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How the key ring commands print rings and versions, as text or JSON. */
final class KeyRingText {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KeyRingText() {
    }

    static Map<String, Object> version(KeyVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ring", v.ring());
        m.put("version", v.number());
        m.put("state", lower(v.state().name()));
        m.put("step", lower(v.step().name()));
        m.put("keyLabel", v.keyLabel());
        m.put("kid", v.kid());
        m.put("created", v.createdAt().toString());
        m.put("since", v.stateSince().toString());
        m.put("due", v.dueAt() == null ? null : v.dueAt().toString());
        return m;
    }

    static Map<String, Object> ring(KeyRing ring, Optional<CryptoperiodStatus> status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ring.name());
        m.put("algorithm", ring.policy().algorithm().name());
        m.put("cryptoperiod", ring.policy().cryptoperiod().toString());
        m.put("warnBefore", ring.policy().warnBefore().toString());
        m.put("gracePeriod", ring.policy().gracePeriod().toString());
        m.put("destructionWindow", ring.policy().destructionWindow().toString());
        m.put("cryptoperiodStatus", status.map(s -> lower(s.name())).orElse(null));
        m.put("versions", ring.versions().stream().map(KeyRingText::version).toList());
        return m;
    }

    static void printJson(PrintWriter out, Object document) {
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static void printRing(PrintWriter out, KeyRing ring, Optional<CryptoperiodStatus> status) {
        out.printf("Ring '%s'  %s  cryptoperiod %s (warn %s before)  grace %s  destruction window %s%s%n",
                ring.name(), ring.policy().algorithm(), human(ring.policy().cryptoperiod()),
                human(ring.policy().warnBefore()), human(ring.policy().gracePeriod()),
                human(ring.policy().destructionWindow()), status.map(s -> "  cryptoperiod " + lower(s.name())).orElse(""));
        printVersions(out, ring.versions());
    }

    static void printVersions(PrintWriter out, List<KeyVersion> versions) {
        String format = "  %-4s %-26s %-12s %-24s %-24s %s%n";
        out.printf(format, "VER", "STATE", "STEP", "SINCE", "DUE", "KID");
        for (KeyVersion v : versions) {
            out.printf(format, "v" + v.number(), lower(v.state().name()), lower(v.step().name()), v.stateSince(),
                    Optional.ofNullable(v.dueAt()).map(Instant::toString).orElse("-"), Optional.ofNullable(v.kid()).orElse("-"));
        }
    }

    /** Versions of several rings, each named by its token label (ring and number). */
    static void printVersionsOfRings(PrintWriter out, List<KeyVersion> versions) {
        int width = Math.max(3, versions.stream().mapToInt(v -> v.keyLabel().length()).max().orElse(3));
        String format = "  %-" + width + "s %-26s %-24s %-24s %s%n";
        out.printf(format, "KEY", "STATE", "SINCE", "DUE", "KID");
        for (KeyVersion v : versions) {
            out.printf(format, v.keyLabel(), lower(v.state().name()), v.stateSince(),
                    Optional.ofNullable(v.dueAt()).map(Instant::toString).orElse("-"), Optional.ofNullable(v.kid()).orElse("-"));
        }
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String human(java.time.Duration d) {
        if (d.toDays() > 0 && d.toHours() % 24 == 0) {
            return d.toDays() + "d";
        }
        return d.toMinutes() % 60 == 0 ? d.toHours() + "h" : d.toMinutes() + "min";
    }
}
