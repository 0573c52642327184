package io.gatehouse.connectors.pkcs11;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** Builds JCA public keys from the attributes a token reports. */
final class PublicKeys {
    private PublicKeys() {
    }

    static PublicKey rsa(BigInteger modulus, BigInteger exponent) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
    }

    /**
     * @param ecPoint CKA_EC_POINT: an uncompressed point for Weierstrass curves or the encoded key
     *     for Edwards curves, either bare or wrapped in a DER OCTET STRING (tokens differ)
     */
    static PublicKey ec(Curves curve, byte[] ecPoint) throws GeneralSecurityException {
        int bareLength = curve.edwards() ? curve.size : 2 * curve.size + 1;
        byte[] point = ecPoint.length == bareLength ? ecPoint : unwrapOctetString(ecPoint, bareLength);
        if (curve.edwards()) {
            // SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID }, BIT STRING { 0 unused bits, key } }
            byte[] oid = curve.oid;
            int algLen = oid.length;
            int bitsLen = point.length + 1;
            int bodyLen = 2 + algLen + 2 + bitsLen;
            byte[] spki = new byte[2 + bodyLen];
            int i = 0;
            spki[i++] = 0x30;
            spki[i++] = (byte) bodyLen;
            spki[i++] = 0x30;
            spki[i++] = (byte) algLen;
            System.arraycopy(oid, 0, spki, i, algLen);
            i += algLen;
            spki[i++] = 0x03;
            spki[i++] = (byte) bitsLen;
            spki[i++] = 0x00;
            System.arraycopy(point, 0, spki, i, point.length);
            return KeyFactory.getInstance(curve.jcaName).generatePublic(new X509EncodedKeySpec(spki));
        }
        if (point[0] != 0x04) {
            throw new GeneralSecurityException("the token returned a compressed or unknown EC point encoding");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + curve.size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + curve.size, point.length));
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve.jcaName));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }

    private static byte[] unwrapOctetString(byte[] der, int expected) throws GeneralSecurityException {
        int offset;
        if (der.length > 2 && der[0] == 0x04 && (der[1] & 0xff) == der.length - 2) {
            offset = 2;
        } else if (der.length > 3 && der[0] == 0x04 && (der[1] & 0xff) == 0x81 && (der[2] & 0xff) == der.length - 3) {
            offset = 3;
        } else {
            throw new GeneralSecurityException("the token returned an EC point of unexpected length " + der.length);
        }
        if (der.length - offset != expected) {
            throw new GeneralSecurityException("the token returned an EC point of unexpected length " + (der.length - offset));
        }
        return Arrays.copyOfRange(der, offset, der.length);
    }
}
