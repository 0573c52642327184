package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.data.FailureKind;
import io.gatehouse.data.GatehouseException;
import io.gatehouse.data.operator.Permission;
import io.gatehouse.data.secrets.SecretStore;
import java.io.Console;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse secrets}: the encrypted secret store that connections name in the
 * configuration. Values and the passphrase come from a prompt or a file descriptor, never an
 * argument; only names are ever printed or audited.
 */
@Command(name = "secrets", mixinStandardHelpOptions = true, description = "Store, list and delete connection secrets.",
        subcommands = {SecretsCommand.Set.class, SecretsCommand.List.class, SecretsCommand.Delete.class})
public final class SecretsCommand {
    private static final int MAX_SECRET_BYTES = 8 * 1024;

    @ParentCommand
    GatehouseCommand parent;

    SecretStore unlock(Composition composition) {
        composition.session().require(Permission.MANAGE_CONNECTIONS);
        return SecretsUnlock.unlock(parent.global().passphraseFd, composition);
    }

    /** {@code secrets set NAME}: stores or replaces a secret; the old value is overwritten. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Store or replace the secret NAME.")
    static final class Set implements Callable<Integer> {
        @ParentCommand
        SecretsCommand secrets;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The secret's name, as the configuration names it.")
        String name;

        @Option(names = "--value-fd", paramLabel = "N", description = "Read the value from file descriptor N (default: ask).")
        Integer valueFd;

        @Override
        public Integer call() {
            SecretStore.requireValidName(name);
            try (Composition composition = Composition.open(secrets.parent.global().directories(), InstantSource.system())) {
                SecretStore store = secrets.unlock(composition);
                char[] value = valueFd != null
                        ? DescriptorLine.read(valueFd, "secret value", MAX_SECRET_BYTES, "gatehouse secrets set " + name
                                + " --value-fd 4 4<value-file")
                        : askValue();
                try {
                    boolean replaced = store.names().contains(name);
                    store.put(name, value);
                    composition.auditLog().append(replaced ? "secret.replaced" : "secret.stored", "secret/" + name, Map.of());
                    spec.commandLine().getOut().println((replaced ? "Replaced" : "Stored") + " secret " + name + ".");
                } finally {
                    Arrays.fill(value, '\0');
                }
            }
            return ExitCode.OK;
        }

        private char[] askValue() {
            Console console = System.console();
            if (console == null || !console.isTerminal()) {
                throw new GatehouseException(FailureKind.CONFIGURATION, "No terminal to ask for the value of " + name
                        + ". Pass it on a file descriptor with --value-fd N.");
            }
            char[] value = console.readPassword("Value of %s: ", name);
            if (value == null || value.length == 0) {
                throw new GatehouseException(FailureKind.CONFIGURATION, "No value was entered; nothing was stored.");
            }
            return value;
        }
    }

    /** {@code secrets list}: the names only. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the names of the stored secrets.")
    static final class List implements Callable<Integer> {
        @ParentCommand
        SecretsCommand secrets;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Composition composition = Composition.open(secrets.parent.global().directories(), InstantSource.system())) {
                secrets.unlock(composition).names().forEach(spec.commandLine().getOut()::println);
            }
            return ExitCode.OK;
        }
    }

    /** {@code secrets delete NAME}. */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the secret NAME.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        SecretsCommand secrets;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (Composition composition = Composition.open(secrets.parent.global().directories(), InstantSource.system())) {
                if (!secrets.unlock(composition).delete(name)) {
                    throw new GatehouseException(FailureKind.CONFIGURATION, "There is no secret named " + name + ".");
                }
                composition.auditLog().append("secret.deleted", "secret/" + name, Map.of());
                spec.commandLine().getOut().println("Deleted secret " + name + ".");
            }
            return ExitCode.OK;
        }
    }
}
