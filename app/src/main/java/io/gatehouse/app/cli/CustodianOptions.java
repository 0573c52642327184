package io.gatehouse.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * One custodian of a dual-control command and how they prove presence: their enrolled smartcard (a token
 * label, its module and where its PIN comes from) or, in a development profile only, the passphrase.
 */
public final class CustodianOptions {
    @Option(names = "--custodian", required = true, paramLabel = "ID",
            description = "Operator id of a key custodian; give it twice, once for each of the two custodians.")
    String id;

    @Option(names = "--card-token", paramLabel = "LABEL",
            description = "Label of this custodian's smartcard token; the card signs a fresh challenge checked"
                    + " against the certificate enrolled for them.")
    String cardToken;

    @Option(names = "--card-module", paramLabel = "PATH",
            description = "PKCS#11 library of this custodian's card (default: the --module of the signing token).")
    Path cardModule;

    @Option(names = "--card-pin-fd", paramLabel = "N",
            description = "Read this custodian's card PIN from file descriptor N (default: ask on the terminal).")
    Integer cardPinFd;

    @Option(names = "--custodian-passphrase-fd", paramLabel = "N",
            description = "Without a card: read this custodian's passphrase from file descriptor N (default: ask on"
                    + " the terminal). Accepted in development profiles only, and recorded as the weaker proof.")
    Integer passphraseFd;

    boolean usesCard() {
        return cardToken != null;
    }
}
