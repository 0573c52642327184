package io.gatehouse.connectors.pkcs11;

import io.gatehouse.data.keys.token.SlotInfo;
import io.gatehouse.data.keys.token.TokenException;
import io.gatehouse.data.keys.token.TokenPort;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A JCA key manager over a key pair held on a PKCS#11 token, for mutual TLS whose private key never leaves
 * the token: the TLS stack asks SunPKCS11 to sign the handshake, SunPKCS11 asks the token. SunPKCS11 names a
 * slot by id, which moves between runs, so the token is found by its label first. It lists a key pair only
 * when a certificate with the same CKA_ID sits beside it; that certificate is what the server sees.
 */
public final class TokenKeyManagers {
    private TokenKeyManagers() {
    }

    /**
     * Key managers that present only {@code alias}, the label of the certificate and key pair on the token.
     * The PIN is wiped before this returns.
     */
    public static KeyManager[] forKey(Path module, String tokenLabel, char[] pin, String alias) {
        try {
            TokenPort port = Pkcs11Modules.open(module);
            long slot = slotOf(port.listSlots(), tokenLabel, module);
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw TokenException.unsupported("mutual TLS with a token key (this Java runtime has no SunPKCS11;"
                        + " it needs the jdk.crypto.cryptoki module)", null);
            }
            String name = "gatehouse-" + Integer.toHexString((module.toAbsolutePath() + "/" + tokenLabel).hashCode());
            Provider provider = Security.getProvider("SunPKCS11-" + name);
            if (provider == null) {
                provider = base.configure("--name=" + name + "\nlibrary=" + module.toAbsolutePath() + "\nslot=" + slot
                        + "\n");
                // the TLS stack finds the signature for a token key among the installed providers only
                Security.addProvider(provider);
            }
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            try {
                store.load(null, pin);
            } catch (IOException e) {
                throw TokenException.wrongPin(tokenLabel, e);
            }
            if (!store.isKeyEntry(alias)) {
                throw TokenException.noSuchKey(alias + "' with a certificate beside it (SunPKCS11 sees "
                        + Collections.list(store.aliases()) + ") '", tokenLabel);
            }
            KeyManagerFactory factory = KeyManagerFactory.getInstance("NewSunX509");
            factory.init(store, pin);
            for (KeyManager manager : factory.getKeyManagers()) {
                if (manager instanceof X509KeyManager x509) {
                    return new KeyManager[] {new OneAlias(x509, alias)};
                }
            }
            throw TokenException.unsupported("mutual TLS with token key '" + alias + "'", null);
        } catch (GeneralSecurityException e) {
            throw TokenException.deviceError("opening token '" + tokenLabel + "' for mutual TLS", e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static long slotOf(List<SlotInfo> slots, String tokenLabel, Path module) {
        return slots.stream()
                .filter(s -> s.token().isPresent() && s.token().get().label().equals(tokenLabel))
                .mapToLong(SlotInfo::slotId)
                .findFirst()
                .orElseThrow(() -> TokenException.noSuchToken(tokenLabel, module.toString()));
    }

    /** Presents one chosen key pair, whatever else the token holds. */
    private static final class OneAlias extends X509ExtendedKeyManager {
        private final X509KeyManager delegate;
        private final String entry;

        OneAlias(X509KeyManager delegate, String alias) {
            this.delegate = delegate;
            // NewSunX509 prefixes aliases with a builder index and suffix; find the one naming ours
            this.entry = findEntry(delegate, alias);
        }

        private static String findEntry(X509KeyManager delegate, String alias) {
            for (String type : List.of("EC", "RSA", "EdDSA", "Ed25519")) {
                String[] aliases = delegate.getClientAliases(type, null);
                if (aliases != null) {
                    for (String candidate : aliases) {
                        if (candidate.equals(alias) || candidate.endsWith("." + alias)) {
                            return candidate;
                        }
                    }
                }
            }
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {entry};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return entry;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            return entry;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }
}
