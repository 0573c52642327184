package io.gatehouse.data.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.data.operator.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Hashes an audit entry: SHA-256 over the RFC 8785 canonical JSON of every field but the hash
 * itself. Canonical JSON makes the hash independent of key order and number spelling, so another
 * tool can recompute it from the exported entry.
 */
public final class AuditHasher {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditHasher() {
    }

    public static String hash(long sequence, Instant at, String actorId, Set<Role> actorRoles, String action,
            String subject, Map<String, String> details, Long personalRef, String previousHash) {
        return sha256Hex(canonicalJson(sequence, at, actorId, actorRoles, action, subject, details, personalRef, previousHash));
    }

    public static String hash(AuditEntry e) {
        return hash(e.sequence(), e.at(), e.actorId(), e.actorRoles(), e.action(), e.subject(), e.details(),
                e.personalRef(), e.previousHash());
    }

    static String canonicalJson(long sequence, Instant at, String actorId, Set<Role> actorRoles, String action,
            String subject, Map<String, String> details, Long personalRef, String previousHash) {
        ObjectNode node = hashedFields(sequence, at, actorId, actorRoles, action, subject, details, personalRef,
                previousHash);
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(node)).getEncodedString();
        } catch (IOException e) {
            throw new IllegalStateException("audit entry cannot be canonicalized", e);
        }
    }

    /** The fields the hash covers, as a JSON object; exports write exactly these so others can recompute it. */
    static ObjectNode hashedFields(AuditEntry e) {
        return hashedFields(e.sequence(), e.at(), e.actorId(), e.actorRoles(), e.action(), e.subject(), e.details(),
                e.personalRef(), e.previousHash());
    }

    private static ObjectNode hashedFields(long sequence, Instant at, String actorId, Set<Role> actorRoles,
            String action, String subject, Map<String, String> details, Long personalRef, String previousHash) {
        ObjectNode node = JSON.createObjectNode();
        node.put("seq", sequence);
        node.put("at", at.toString());
        ObjectNode actor = node.putObject("actor");
        actor.put("id", actorId);
        ArrayNode roles = actor.putArray("roles");
        actorRoles.stream().map(Role::configName).sorted().forEach(roles::add);
        node.put("action", action);
        node.put("subject", subject);
        ObjectNode detailNode = node.putObject("details");
        details.forEach(detailNode::put);
        if (personalRef == null) {
            node.putNull("personalRef");
        } else {
            node.put("personalRef", personalRef);
        }
        node.put("previousHash", previousHash);
        return node;
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
