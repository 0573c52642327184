package io.gatehouse.data.keys.token;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that turn a token's inventory into findings. Pure: no token, no clock, no I/O.
 *
 * <ul>
 *   <li>{@code EXTRACTABLE}: a private or secret key with {@code extractable} set.</li>
 *   <li>{@code NOT_SENSITIVE}: a private or secret key without {@code sensitive}.</li>
 *   <li>{@code ORPHAN_PRIVATE_KEY}: a private key that no public key or certificate matches. They
 *       match by id; a private key without an id matches by label.</li>
 *   <li>{@code DUPLICATE_LABEL}: a label carried by more than one object of the same class, or by
 *       a secret key and any other object. A private key, its public key and its certificate
 *       sharing one label is the normal key entry and is not a finding.</li>
 * </ul>
 * Findings come in the order of the inventory, per key: extractable, not sensitive, orphan; then
 * the duplicate labels in order of first appearance.
 */
public final class InventoryAuditor {

    public List<KeyFinding> audit(List<KeyObject> inventory) {
        List<KeyFinding> findings = new ArrayList<>();
        Set<String> partnerIds = new HashSet<>();
        Set<String> partnerLabels = new HashSet<>();
        for (KeyObject o : inventory) {
            if (o.keyClass() == KeyClass.PUBLIC_KEY || o.keyClass() == KeyClass.CERTIFICATE) {
                if (!o.idHex().isEmpty()) {
                    partnerIds.add(o.idHex());
                }
                if (!o.label().isEmpty()) {
                    partnerLabels.add(o.label());
                }
            }
        }
        for (KeyObject o : inventory) {
            if (!o.holdsSecret()) {
                continue;
            }
            String what = o.keyClass() == KeyClass.PRIVATE_KEY ? "Private key " : "Secret key ";
            if (o.extractable()) {
                findings.add(new KeyFinding(KeyFinding.Kind.EXTRACTABLE, o, what + o.displayName()
                        + " is extractable: it can be wrapped and taken off the token. Replace it with a key generated"
                        + " non-extractable and destroy this one."));
            }
            if (!o.sensitive()) {
                findings.add(new KeyFinding(KeyFinding.Kind.NOT_SENSITIVE, o, what + o.displayName()
                        + " is not sensitive: its value can be read from the token. Replace it with a sensitive key"
                        + " and destroy this one."));
            }
            if (o.keyClass() == KeyClass.PRIVATE_KEY && !hasPartner(o, partnerIds, partnerLabels)) {
                findings.add(new KeyFinding(KeyFinding.Kind.ORPHAN_PRIVATE_KEY, o, "Private key " + o.displayName()
                        + " has no matching public key or certificate, so nothing can verify what it signs. Find out"
                        + " who made it; re-import its public key or destroy it."));
            }
        }
        findings.addAll(duplicateLabels(inventory));
        return List.copyOf(findings);
    }

    private static boolean hasPartner(KeyObject privateKey, Set<String> partnerIds, Set<String> partnerLabels) {
        if (!privateKey.idHex().isEmpty()) {
            return partnerIds.contains(privateKey.idHex());
        }
        return !privateKey.label().isEmpty() && partnerLabels.contains(privateKey.label());
    }

    private static List<KeyFinding> duplicateLabels(List<KeyObject> inventory) {
        Map<String, List<KeyObject>> byLabel = new LinkedHashMap<>();
        for (KeyObject o : inventory) {
            if (!o.label().isEmpty()) {
                byLabel.computeIfAbsent(o.label(), l -> new ArrayList<>()).add(o);
            }
        }
        List<KeyFinding> findings = new ArrayList<>();
        for (Map.Entry<String, List<KeyObject>> e : byLabel.entrySet()) {
            List<KeyObject> objects = e.getValue();
            if (objects.size() < 2) {
                continue;
            }
            Map<KeyClass, Integer> counts = new EnumMap<>(KeyClass.class);
            for (KeyObject o : objects) {
                counts.merge(o.keyClass(), 1, Integer::sum);
            }
            boolean sameClassTwice = counts.values().stream().anyMatch(n -> n > 1);
            boolean secretShares = counts.containsKey(KeyClass.SECRET_KEY);
            if (sameClassTwice || secretShares) {
                findings.add(new KeyFinding(KeyFinding.Kind.DUPLICATE_LABEL, objects.getFirst(), objects.size()
                        + " objects share the label '" + e.getKey() + "', so the label does not name one key (and"
                        + " Java's PKCS#11 key store may refuse to load the token). Give each key its own label."));
            }
        }
        return findings;
    }
}
