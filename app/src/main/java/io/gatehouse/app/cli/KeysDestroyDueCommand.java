package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.keys.KeyCustody;
import io.gatehouse.data.keys.KeyRingView;
import io.gatehouse.data.keys.KeyVersion;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.operator.LocalOperatorSession;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gatehouse keys destroy-due}: the versions whose destruction window is over, and their dual-control destruction. */
@Command(name = "destroy-due", mixinStandardHelpOptions = true,
        description = {"List the versions whose destruction window is over, across all rings.",
            "With --destroy, destroy them on the token. That takes two different key custodians in the same run"
                + " (--custodian, twice), each proving presence: with their enrolled smartcard (--card-token), or,"
                + " in a development profile only, with the passphrase, which is recorded as the weaker proof.",
            "The signed-in operator must be one of the two. Every proof and the destruction are audited."})
public final class KeysDestroyDueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeyRingOptions options;

    @Option(names = "--destroy", description = "Destroy the due versions, under dual control, instead of listing them.")
    boolean destroy;

    @ArgGroup(exclusive = false, multiplicity = "0..2")
    List<CustodianOptions> custodians = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        InstantSource clock = InstantSource.system();
        if (!destroy && !custodians.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--custodian is for --destroy; without it the command"
                    + " only lists the due versions");
        }
        if (destroy && custodians.size() != 2) {
            throw new ParameterException(spec.commandLine(), "destruction needs two key custodians: give --custodian"
                    + " twice, each with their --card-token (or, in a development profile, --custodian-passphrase-fd)");
        }
        try (Composition composition = Composition.open(KeyRingOptions.global(spec).directories(), clock)) {
            if (!destroy) {
                list(out, new KeyRingView(composition.store(), composition.session(), clock).due());
                return ExitCode.OK;
            }
            String signedIn = composition.session().operator().id();
            if (custodians.stream().noneMatch(c -> c.id.equals(signedIn))) {
                throw new ParameterException(spec.commandLine(), "the signed-in operator (" + signedIn
                        + ") must be one of the two custodians");
            }
            List<KeyVersion> destroyed = destroy(composition, clock);
            if (options.json) {
                KeyRingText.printJson(out, destroyed.stream().map(KeyRingText::version).toList());
            } else if (destroyed.isEmpty()) {
                out.println("No version was due for destruction; nothing was destroyed.");
            } else {
                out.printf("Destroyed %d version%s on the token, confirmed by %s and %s:%n", destroyed.size(),
                        destroyed.size() == 1 ? "" : "s", custodians.get(0).id, custodians.get(1).id);
                KeyRingText.printVersionsOfRings(out, destroyed);
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private List<KeyVersion> destroy(Composition composition, InstantSource clock) {
        CustodianPresence presence = new CustodianPresence(composition, clock, options.module);
        List<LocalOperatorSession> proven = new ArrayList<>();
        for (CustodianOptions custodian : custodians) {
            try {
                proven.add(presence.prove(custodian));
            } catch (GatehouseException e) {
                composition.auditLog().append("key.destruction.refused", "key-rings", Map.of("custodian", custodian.id,
                        "reason", e.getMessage()));
                throw e;
            }
        }
        try (TokenSession token = options.openToken(spec)) {
            KeyCustody custody = new KeyCustody(composition.store(), composition.auditLog(), composition.session(), token,
                    options.registry(spec, composition), clock);
            // the passphrase is one per installation: it shows two names were given, not that two people were here
            if (!composition.config().sandboxActive()) {
                custody.requireSmartcardProofs();
            }
            return custody.destroyDue(proven.get(0), proven.get(1));
        }
    }

    private void list(PrintWriter out, List<KeyVersion> due) {
        if (options.json) {
            KeyRingText.printJson(out, due.stream().map(KeyRingText::version).toList());
        } else if (due.isEmpty()) {
            out.println("No version is due for destruction.");
        } else {
            out.printf("%d version%s due for destruction:%n", due.size(), due.size() == 1 ? " is" : "s are");
            KeyRingText.printVersionsOfRings(out, due);
            out.println("Destroy them with --destroy and two custodians: see gatehouse keys destroy-due --help.");
        }
        out.flush();
    }
}
