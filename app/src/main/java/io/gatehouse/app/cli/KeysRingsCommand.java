package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.keys.KeyRing;
import io.gatehouse.data.keys.KeyRingView;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys rings}: the key rings with their policies and versions. */
@Command(name = "rings", mixinStandardHelpOptions = true,
        description = {"List the key rings with their policy and every version's state.",
            "Reads the local store only; the token and the registry are not contacted."})
public final class KeysRingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyRingOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Composition composition = Composition.open(KeyRingOptions.global(spec).directories(), InstantSource.system())) {
            KeyRingView view = new KeyRingView(composition.store(), composition.session(), InstantSource.system());
            List<KeyRing> rings = view.rings();
            if (options.json) {
                KeyRingText.printJson(out, rings.stream().map(r -> KeyRingText.ring(r, view.cryptoperiod(r))).toList());
            } else if (rings.isEmpty()) {
                out.println("No key rings yet. Create one with: gatehouse keys rotate NAME --create ...");
            } else {
                rings.forEach(r -> KeyRingText.printRing(out, r, view.cryptoperiod(r)));
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
