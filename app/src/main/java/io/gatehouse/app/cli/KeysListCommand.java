package io.gatehouse.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.connectors.pkcs11.ModuleDetector;
import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.token.InventoryAuditor;
import io.gatehouse.data.keys.token.KeyFinding;
import io.gatehouse.data.keys.token.KeyObject;
import io.gatehouse.data.keys.token.KeyUsage;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.data.keys.token.TokenPort;
import io.gatehouse.data.keys.token.TokenSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys list}: every key on a token, then the findings. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List every key and certificate on a token with its attributes, then the findings:"
            + " extractable or non-sensitive keys, orphan private keys, ambiguous labels.",
            "Findings are reported, not failures: the exit code is 0 when the listing worked.",
            "The PIN is asked on the terminal, or read from file descriptor N with --pin-fd N; never give it"
            + " as an argument."})
public final class KeysListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--module", paramLabel = "PATH", description = "PKCS#11 library of the token (default: the"
            + " detected module that holds a token with this label).")
    Path module;

    @Option(names = "--token-label", paramLabel = "LABEL", required = true, description = "Label of the token.")
    String tokenLabel;

    @Option(names = "--pin-fd", paramLabel = "N", description = "Read the PIN from this open file descriptor"
            + " (first line), e.g. --pin-fd 3 3<pin-file.")
    Integer pinFd;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (pinFd != null && pinFd < 0) {
            throw new ParameterException(spec.commandLine(), "--pin-fd must be a file descriptor number (0 or more)");
        }
        PinReader pin = new PinReader(pinFd, System.console());
        if (!pin.available()) {
            throw new ParameterException(spec.commandLine(),
                    "no terminal to ask the PIN on; pass it on a file descriptor with --pin-fd N");
        }
        TokenPort port = module != null ? Pkcs11Modules.open(module) : detectModuleHolding(tokenLabel);
        List<KeyObject> keys;
        TokenInfo token;
        try (TokenSession session = port.openSession(tokenLabel, pin)) {
            token = session.token();
            keys = session.listKeys();
        }
        List<KeyFinding> findings = new InventoryAuditor().audit(keys);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("module", port.module().path());
            document.put("token", token);
            document.put("keys", keys);
            document.put("findings", findings);
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
        } else {
            print(out, port.module().path(), token, keys, findings);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static TokenPort detectModuleHolding(String label) {
        List<String> tried = new ArrayList<>();
        for (Path path : new ModuleDetector().detect()) {
            tried.add(path.toString());
            try {
                TokenPort port = Pkcs11Modules.open(path);
                if (port.listSlots().stream().anyMatch(s -> s.token().map(t -> t.label().equals(label)).orElse(false))) {
                    return port;
                }
            } catch (GatehouseException e) {
                // a detected module that does not load cannot hold the token; try the next
            }
        }
        throw TokenException.noSuchToken(label, tried.isEmpty() ? "any detected module (name one with --module)"
                : String.join(", ", tried));
    }

    private static void print(PrintWriter out, String modulePath, TokenInfo token, List<KeyObject> keys,
            List<KeyFinding> findings) {
        out.printf("Token '%s'  %s %s  serial %s%nModule %s%n%n", token.label(), token.manufacturer(), token.model(),
                token.serial(), modulePath);
        String format = "%-12s %-24s %-12s %-11s %-8s %-22s %s%n";
        out.printf(format, "CLASS", "LABEL", "ID", "TYPE", "SIZE", "USAGE", "ATTRIBUTES");
        for (KeyObject k : keys) {
            out.printf(format, k.keyClass().name().toLowerCase(Locale.ROOT).replace('_', ' '), orDash(k.label()),
                    orDash(k.idHex()), orDash(k.keyType()), orDash(k.sizeOrCurve()), usage(k), attributes(k));
        }
        out.printf("%d object%s.%n%n", keys.size(), keys.size() == 1 ? "" : "s");
        if (findings.isEmpty()) {
            out.println("No findings.");
            return;
        }
        out.printf("Findings (%d):%n", findings.size());
        for (KeyFinding f : findings) {
            out.printf("  %-19s %s%n", f.kind(), f.sentence());
        }
    }

    private static String usage(KeyObject k) {
        if (k.usage().isEmpty()) {
            return "-";
        }
        return k.usage().stream().sorted().map(KeyUsage::name).map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    private static String attributes(KeyObject k) {
        if (!k.holdsSecret()) {
            return k.local() ? "local" : "-";
        }
        List<String> a = new ArrayList<>();
        a.add(k.sensitive() ? "sensitive" : "NOT-SENSITIVE");
        a.add(k.extractable() ? "EXTRACTABLE" : "non-extractable");
        if (k.alwaysSensitive()) {
            a.add("always-sensitive");
        }
        if (k.neverExtractable()) {
            a.add("never-extractable");
        }
        if (k.local()) {
            a.add("local");
        }
        return String.join(",", a);
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
