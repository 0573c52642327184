package io.gatehouse.connectors.http;

import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import io.gatehouse.data.connections.CheckOutcome;
import java.util.Locale;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Says which of the usual TLS failures happened, and what to do about it. */
final class TlsFailure {
    private TlsFailure() {
    }

    static String describe(Throwable e, String host) {
        return switch (outcome(e)) {
            case PIN_MISMATCH -> "the server's public key does not match the pinned key (SPKI SHA-256). If " + host
                    + " rotated its key on purpose, update the pin under Connections; otherwise the connection may be"
                    + " intercepted.";
            case WRONG_HOST -> "the server's certificate is not issued for " + host + ". Check the URL; the certificate"
                    + " names another host.";
            case CERTIFICATE_EXPIRED -> "the server's certificate has expired. The server's operators must renew it.";
            case CERTIFICATE_NOT_YET_VALID -> "the server's certificate is not valid yet. Check this machine's clock.";
            case UNKNOWN_AUTHORITY -> "the server's certificate is issued by an authority this console does not trust."
                    + " If it is your organisation's private CA, add its certificate to the connection's CA bundle.";
            case CLIENT_CERTIFICATE_REQUIRED -> clientCertificateRefused();
            default -> "the TLS connection failed (" + e.getClass().getSimpleName() + "). Check the URL and the"
                    + " connection's TLS settings.";
        };
    }

    /** Which of the usual TLS failures {@code e} is. */
    static CheckOutcome outcome(Throwable e) {
        String all = messages(e);
        if (e instanceof SSLPeerUnverifiedException && all.contains("pinning failure")) {
            return CheckOutcome.PIN_MISMATCH;
        }
        if (e instanceof SSLPeerUnverifiedException && all.contains("not verified")) {
            return CheckOutcome.WRONG_HOST;
        }
        if (has(e, CertificateExpiredException.class) || all.contains("validity check failed") && all.contains("expired")) {
            return CheckOutcome.CERTIFICATE_EXPIRED;
        }
        if (has(e, CertificateNotYetValidException.class)) {
            return CheckOutcome.CERTIFICATE_NOT_YET_VALID;
        }
        if (all.contains("unable to find valid certification path") || has(e, CertPathValidatorException.class)
                || all.contains("pkix path")) {
            return CheckOutcome.UNKNOWN_AUTHORITY;
        }
        if (all.contains("certificate_required") || all.contains("bad_certificate") || all.contains("certificate required")
                || ClientCertificateRequests.unanswered()) {
            return CheckOutcome.CLIENT_CERTIFICATE_REQUIRED;
        }
        return CheckOutcome.TLS_FAILED;
    }

    static String clientCertificateRefused() {
        return "the server requires a client certificate, and none it accepts was presented. Configure the"
                + " connection's client certificate.";
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(' ').append(String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT));
        }
        return all.toString();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
