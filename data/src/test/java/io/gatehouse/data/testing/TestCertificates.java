package io.gatehouse.data.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for keys that live on a (test) card, issued by a throwaway software CA. */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(1000);
    private static final KeyPair CA = caKeyPair();

    private TestCertificates() {
    }

    public static X509Certificate issue(PublicKey subjectKey, String commonName, Instant notBefore, Instant notAfter) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    new X500Principal("CN=Gatehouse Test Operator CA"), BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), new X500Principal("CN=" + commonName), subjectKey);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(CA.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("test certificate cannot be issued", e);
        }
    }

    private static KeyPair caKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
