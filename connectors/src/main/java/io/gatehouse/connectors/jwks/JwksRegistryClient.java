package io.gatehouse.connectors.jwks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.connectors.http.UpstreamClient;
import io.gatehouse.connectors.http.UpstreamException;
import io.gatehouse.data.keys.JwksPublisher;
import io.gatehouse.data.keys.token.TokenException;
import java.net.URI;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The JWKS registry over HTTP: the key set is replaced with a bearer-protected
 * {@code PUT /admin/jwks} and read back from {@code GET /.well-known/jwks.json}, as a relying party
 * reads it. Keys are written by nimbus-jose-jwt, each under its RFC 7638 thumbprint.
 */
public final class JwksRegistryClient implements JwksPublisher {
    private static final long MAX_BODY_BYTES = 256 * 1024;
    private static final MediaType JSON = MediaType.get("application/json");

    private final UpstreamClient http;
    private final URI base;
    private final String adminToken;

    /**
     * @param base the registry's base URL, such as {@code http://127.0.0.1:41234/}
     * @param adminToken the bearer token for publishing; never logged or put in a message
     */
    public JwksRegistryClient(UpstreamClient http, URI base, String adminToken) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.adminToken = Objects.requireNonNull(adminToken, "adminToken");
    }

    @Override
    public String keyId(PublicKey key) {
        return thumbprint(key);
    }

    /** The RFC 7638 SHA-256 thumbprint of a public key, base64url. */
    public static String thumbprint(PublicKey key) {
        try {
            return jwk(key, null).computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw TokenException.unsupported("a JWK thumbprint for this " + key.getAlgorithm() + " key", e);
        }
    }

    /** The public JWK set of these keys, each with kid, use "sig" and its JWS algorithm. */
    public static JWKSet keySet(List<PublicKey> keys) {
        return new JWKSet(keys.stream().map(k -> jwk(k, thumbprint(k))).toList());
    }

    @Override
    public void publish(List<PublicKey> keys) {
        String body = keySet(keys).toString(true);
        Request request = new Request.Builder().url(base.resolve("admin/jwks").toString())
                .header("Authorization", "Bearer " + adminToken).put(RequestBody.create(body, JSON)).build();
        http.execute(request, MAX_BODY_BYTES).orThrow();
    }

    @Override
    public Set<String> servedKeyIds() {
        Request request = new Request.Builder().url(base.resolve(".well-known/jwks.json").toString()).get().build();
        String body = http.execute(request, MAX_BODY_BYTES).orThrow().bodyText();
        try {
            Set<String> kids = new LinkedHashSet<>();
            for (JWK key : JWKSet.parse(body).getKeys()) {
                if (key.getKeyID() != null) {
                    kids.add(key.getKeyID());
                }
            }
            return kids;
        } catch (ParseException e) {
            throw new UpstreamException(UpstreamException.Reason.MALFORMED_RESPONSE, 200, "jwks: the registry served"
                    + " something that is not a JWK set. Check the registry URL.", e);
        }
    }

    private static JWK jwk(PublicKey key, String kid) {
        return switch (key) {
            case ECPublicKey ec -> {
                Curve curve = Curve.forECParameterSpec(ec.getParams());
                if (curve == null) {
                    throw TokenException.unsupported("publishing an EC key on this curve", null);
                }
                yield new ECKey.Builder(curve, ec).keyUse(KeyUse.SIGNATURE).keyID(kid)
                        .algorithm(curve == Curve.P_384 ? JWSAlgorithm.ES384 : JWSAlgorithm.ES256).build();
            }
            // PS256: the mechanism Gatehouse signs RSA versions with
            case RSAPublicKey rsa -> new RSAKey.Builder(rsa).keyUse(KeyUse.SIGNATURE).keyID(kid)
                    .algorithm(JWSAlgorithm.PS256).build();
            default -> throw TokenException.unsupported("publishing a " + key.getAlgorithm() + " key in the JWKS", null);
        };
    }
}
