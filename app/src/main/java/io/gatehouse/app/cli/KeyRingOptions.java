package io.gatehouse.app.cli;

import io.gatehouse.app.wiring.Composition;
import io.gatehouse.app.wiring.ConfiguredJwksRegistry;
import io.gatehouse.connectors.http.HttpClients;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.jwks.JwksRegistryClient;
import io.gatehouse.connectors.pkcs11.Pkcs11Modules;
import io.gatehouse.data.config.ConnectionProfile;
import io.gatehouse.data.keys.JwksPublisher;
import io.gatehouse.data.keys.token.TokenSession;
import io.gatehouse.data.time.Sleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options the key ring commands share: the token, its PIN, the JWKS registry and the output
 * form. The registry's admin token comes from the environment, never from an argument that other
 * users could read in the process list.
 */
public final class KeyRingOptions {
    static final String REGISTRY_TOKEN_VARIABLE = "GATEHOUSE_JWKS_ADMIN_TOKEN";

    @Option(names = "--module", paramLabel = "PATH", description = "PKCS#11 library of the token, e.g."
            + " /usr/lib/softhsm/libsofthsm2.so.")
    Path module;

    @Option(names = "--token-label", paramLabel = "LABEL", description = "Label of the token that holds the ring's keys.")
    String tokenLabel;

    @Option(names = "--pin-fd", paramLabel = "N", description = "Read the PIN from this open file descriptor"
            + " (first line), e.g. --pin-fd 3 3<pin-file; without it the PIN is asked on the terminal.")
    Integer pinFd;

    @Option(names = "--registry", paramLabel = "URL", description = "Base URL of the JWKS registry, e.g."
            + " http://127.0.0.1:41234/ for a sandbox. Its bearer token is read from $" + REGISTRY_TOKEN_VARIABLE + ".")
    URI registry;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** Opens the token named by --module and --token-label, asking for the PIN as the options say. */
    TokenSession openToken(CommandSpec spec) {
        if (module == null || tokenLabel == null) {
            throw new ParameterException(spec.commandLine(), "this command needs the token: give --module and --token-label");
        }
        if (pinFd != null && pinFd < 0) {
            throw new ParameterException(spec.commandLine(), "--pin-fd must be a file descriptor number (0 or more)");
        }
        PinReader pin = new PinReader(pinFd, System.console());
        if (!pin.available()) {
            throw new ParameterException(spec.commandLine(),
                    "no terminal to ask the PIN on; pass it on a file descriptor with --pin-fd N");
        }
        return Pkcs11Modules.open(module).openSession(tokenLabel, pin);
    }

    /**
     * The JWKS registry named by --registry, or else the one the active profile configures ({@code jwks}),
     * whose admin token is read from the secret store, unlocked for it with the global --passphrase-fd or a
     * prompt.
     */
    JwksPublisher registry(CommandSpec spec, Composition composition) {
        ConnectionProfile.Jwks configured = composition.config().activeProfile().jwks();
        if (registry != null || configured == null) {
            return registry(spec);
        }
        if (composition.secrets().current().isEmpty()) {
            SecretsUnlock.unlock(global(spec).passphraseFd, composition);
        }
        return new ConfiguredJwksRegistry(configured, composition.secrets()::current, InstantSource.system());
    }

    /** The JWKS registry named by --registry, with its admin token from the environment. */
    JwksRegistryClient registry(CommandSpec spec) {
        if (registry == null) {
            throw new ParameterException(spec.commandLine(), "this command publishes keys: give --registry URL, or set"
                    + " jwks.url in the profile");
        }
        String adminToken = System.getenv(REGISTRY_TOKEN_VARIABLE);
        if (adminToken == null || adminToken.isBlank()) {
            throw new ParameterException(spec.commandLine(), "set " + REGISTRY_TOKEN_VARIABLE
                    + " to the JWKS registry's bearer token (gatehouse sandbox --print-admin-token shows the sandbox's)");
        }
        URI base = registry.toString().endsWith("/") ? registry : URI.create(registry + "/");
        UpstreamClient http = new UpstreamClient("JWKS registry", HttpClients.standard(null), InstantSource.system(),
                Sleeper.system(), RandomGenerator.getDefault(), 3, Duration.ofSeconds(5));
        return new JwksRegistryClient(http, base, adminToken.strip());
    }

    /** The global options of the {@code gatehouse} command this one runs under. */
    static GlobalOptions global(CommandSpec spec) {
        for (CommandSpec s = spec; s != null; s = s.parent()) {
            if (s.userObject() instanceof GatehouseCommand root) {
                return root.global();
            }
        }
        return new GlobalOptions();
    }
}
