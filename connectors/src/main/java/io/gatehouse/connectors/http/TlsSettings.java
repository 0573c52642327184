package io.gatehouse.connectors.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

/**
 * How one connection proves the server and itself: the system trust store plus optional extra
 * CAs, optional SPKI SHA-256 pins (base64, as {@code openssl ... | base64} prints them), and an
 * optional client certificate for mutual TLS.
 */
public record TlsSettings(List<X509Certificate> extraTrustAnchors, List<String> spkiPins, KeyManager[] clientKeys) {

    public TlsSettings {
        extraTrustAnchors = List.copyOf(extraTrustAnchors);
        spkiPins = List.copyOf(spkiPins);
        clientKeys = clientKeys == null ? null : clientKeys.clone();
    }

    /** The system trust store only. */
    public static TlsSettings systemDefault() {
        return new TlsSettings(List.of(), List.of(), null);
    }

    public TlsSettings withExtraTrustAnchors(List<X509Certificate> anchors) {
        return new TlsSettings(anchors, spkiPins, clientKeys);
    }

    public TlsSettings withPins(List<String> pins) {
        return new TlsSettings(extraTrustAnchors, pins, clientKeys);
    }

    public TlsSettings withClientKeys(KeyManager[] keys) {
        return new TlsSettings(extraTrustAnchors, spkiPins, keys);
    }

    /** Reads every certificate of a PEM bundle. */
    public static List<X509Certificate> readPemBundle(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(in)
                    .forEach(c -> certs.add((X509Certificate) c));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in the CA bundle " + file);
            }
            return certs;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the CA bundle " + file + " cannot be read as PEM certificates", e);
        }
    }

    /**
     * Client keys from a PKCS#12 file, for development; production keeps the key on a token. The
     * password array is wiped.
     */
    public static KeyManager[] pkcs12ClientKeys(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the client certificate file " + file
                    + " cannot be opened: wrong password, or not a PKCS#12 file", e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
