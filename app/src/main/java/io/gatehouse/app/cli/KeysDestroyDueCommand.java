package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.keys.KeyRingView;
import io.gatehouse.data.keys.KeyVersion;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys destroy-due}: the versions whose destruction window is over. */
@Command(name = "destroy-due", mixinStandardHelpOptions = true,
        description = {"List the versions whose destruction window is over, across all rings.",
            "Destroying them needs two different key custodians, each proving presence; that is done in the"
                + " console, where both can sign in. This command only lists them."})
public final class KeysDestroyDueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyRingOptions options;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InstantSource clock = InstantSource.system();
        try (Composition composition = Composition.open(KeyRingOptions.global(spec).directories(), clock)) {
            List<KeyVersion> due = new KeyRingView(composition.store(), composition.session(), clock).due();
            if (options.json) {
                KeyRingText.printJson(out, due.stream().map(KeyRingText::version).toList());
            } else if (due.isEmpty()) {
                out.println("No version is due for destruction.");
            } else {
                out.printf("%d version%s due for destruction:%n", due.size(), due.size() == 1 ? " is" : "s are");
                KeyRingText.printVersions(out, due);
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
