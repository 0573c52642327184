package io.gatehouse.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatehouse.connectors.pkcs11.ModuleDetector;
import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.token.ModuleInfo;
import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenInfo;
import io.gatehouse.data.keys.token.TokenPort;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys tokens}: the modules, their slots and the tokens in them. No login. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = {"List PKCS#11 modules, their slots and tokens (label, manufacturer, model, serial, flags,"
            + " mechanisms). Without --module, the usual module paths of this machine are tried;"
            + " a detected module that fails to load is reported and skipped."})
public final class KeysTokensCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--module", paramLabel = "PATH", description = "PKCS#11 library to use; repeat for several"
            + " (default: the modules detected on this machine).")
    List<Path> modules = new ArrayList<>();

    @Option(names = "--token-label", paramLabel = "LABEL", description = "Only slots holding the token with this label.")
    String tokenLabel;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** One module in the output: its description and slots, or why it could not be read. */
    record ModuleView(String path, ModuleInfo module, List<SlotView> slots, String error) {
    }

    /** A slot, with its token or null. */
    record SlotView(long slotId, String description, String manufacturer, boolean removable, boolean hardware,
            TokenInfo token) {
        static SlotView of(SlotInfo s) {
            return new SlotView(s.slotId(), s.description(), s.manufacturer(), s.removable(), s.hardware(),
                    s.token().orElse(null));
        }
    }

    @Override
    public Integer call() throws Exception {
        boolean explicit = !modules.isEmpty();
        List<Path> paths = explicit ? modules : new ModuleDetector().detect();
        List<ModuleView> views = new ArrayList<>();
        for (Path path : paths) {
            try {
                TokenPort port = Pkcs11Modules.open(path);
                List<SlotView> slots = port.listSlots().stream()
                        .filter(s -> tokenLabel == null || s.token().map(t -> t.label().equals(tokenLabel)).orElse(false))
                        .map(SlotView::of).toList();
                views.add(new ModuleView(path.toString(), port.module(), slots, null));
            } catch (GatehouseException e) {
                if (explicit) {
                    throw e; // the user named this module: its failure is the command's failure
                }
                views.add(new ModuleView(path.toString(), null, List.of(), e.getMessage()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(java.util.Map.of("modules", views)));
            return ExitCode.OK;
        }
        if (views.isEmpty()) {
            out.println("No PKCS#11 module found in the usual places. Name one with --module PATH.");
        }
        for (ModuleView m : views) {
            printModule(out, m);
        }
        out.flush();
        return ExitCode.OK;
    }

    private void printModule(PrintWriter out, ModuleView m) {
        if (m.error() != null) {
            out.printf("Module %s: not usable. %s%n%n", m.path(), m.error());
            return;
        }
        out.printf("Module %s%n  %s %s, %s; PKCS#11 %s%n", m.path(), m.module().manufacturer(),
                m.module().libraryVersion(), m.module().description(), m.module().interfaceVersion());
        if (m.slots().isEmpty()) {
            out.println(tokenLabel == null ? "  no slots" : "  no token labelled '" + tokenLabel + "'");
        }
        for (SlotView s : m.slots()) {
            out.printf("  Slot %d: %s%n", s.slotId(), s.description());
            TokenInfo t = s.token();
            if (t == null) {
                out.println("    no token");
            } else if (!t.initialized()) {
                out.println("    token not initialized");
            } else {
                out.printf("    Token '%s'  %s %s  serial %s%n", t.label(), t.manufacturer(), t.model(), t.serial());
                out.printf("      flags: %s%n", t.flags().stream().map(Enum::name).sorted()
                        .collect(Collectors.joining(", ")));
                out.printf("      mechanisms (%d): %s%n", t.mechanisms().size(), String.join(" ", t.mechanisms()));
            }
        }
        out.println();
    }
}
