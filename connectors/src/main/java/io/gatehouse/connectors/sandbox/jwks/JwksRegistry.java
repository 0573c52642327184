package io.gatehouse.connectors.sandbox.jwks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.connectors.sandbox.problem.ApiProblem;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The published signing keys: served as a JWKS, replaced as a whole, used to verify session tokens. */
public final class JwksRegistry {

    /** Whether a token verified, with which key, and why not. */
    public record Verification(boolean valid, String kid, String alg, String reason) {
    }

    private volatile JWKSet current = new JWKSet();

    public String publicJson() {
        return current.toString(true);
    }

    public int size() {
        return current.getKeys().size();
    }

    /**
     * Replaces the key set. Private keys are refused outright: a JWKS is public, and a leak here would be
     * the custodian's worst day. Every key needs a kid so rotations can overlap old and new keys.
     */
    public int publish(String json) {
        JWKSet parsed;
        try {
            parsed = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new ApiProblem(400, "invalid-key-set", "The key set is not a valid JWKS", e.getMessage());
        }
        List<String> kids = new ArrayList<>();
        for (JWK key : parsed.getKeys()) {
            if (key.isPrivate()) {
                throw new ApiProblem(400, "invalid-key-set", "The key set holds a private key",
                        "key " + key.getKeyID() + " carries private material; publish public keys only");
            }
            if (key.getKeyID() == null || kids.contains(key.getKeyID())) {
                throw new ApiProblem(400, "invalid-key-set", "Every key needs a unique kid",
                        "a key has a missing or repeated kid");
            }
            kids.add(key.getKeyID());
        }
        current = parsed;
        return parsed.getKeys().size();
    }

    public Verification verify(String token) {
        JWSObject jws;
        try {
            jws = JWSObject.parse(token);
        } catch (ParseException e) {
            return new Verification(false, null, null, "malformed");
        }
        String kid = jws.getHeader().getKeyID();
        String alg = jws.getHeader().getAlgorithm().getName();
        JWKSet set = current;
        List<JWK> candidates = kid == null ? set.getKeys() : set.getKeys().stream()
                .filter(k -> kid.equals(k.getKeyID())).toList();
        if (candidates.isEmpty()) {
            return new Verification(false, kid, alg, "unknown_kid");
        }
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = verifierFor(key);
                if (verifier != null && verifier.supportedJWSAlgorithms().contains(jws.getHeader().getAlgorithm())
                        && jws.verify(verifier)) {
                    return new Verification(true, key.getKeyID(), alg, null);
                }
            } catch (JOSEException e) {
                // A key of the wrong type for this algorithm simply does not verify it.
            }
        }
        return new Verification(false, kid, alg, "bad_signature");
    }

    // RSA and EC only: Ed25519 in nimbus needs Tink, which this module does not ship.
    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        return switch (key) {
            case RSAKey rsa -> new RSASSAVerifier(rsa);
            case ECKey ec -> new ECDSAVerifier(ec);
            default -> null;
        };
    }

    /** A tiny helper for answers: the key count after a publish. */
    public static Map<String, Object> published(int count) {
        return Map.of("object", "jwks_publication", "keys", count);
    }
}
