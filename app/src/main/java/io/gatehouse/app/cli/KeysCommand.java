package io.gatehouse.app.cli;

import picocli.CommandLine.Command;

/** {@code gatehouse keys}: keys on smartcards and HSMs, through their PKCS#11 modules. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = {"Inspect tokens (smartcards, HSMs) and the keys on them through PKCS#11.",
            "Findings in 'keys list' are reported, not failures: the command still exits 0."},
        subcommands = {KeysTokensCommand.class, KeysListCommand.class, KeysRingsCommand.class, KeysRotateCommand.class,
            KeysRetireCommand.class, KeysDestroyDueCommand.class, KeysExportJwksCommand.class})
public final class KeysCommand {
}
