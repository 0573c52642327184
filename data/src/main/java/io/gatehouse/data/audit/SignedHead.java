package io.gatehouse.data.audit;

import java.time.Instant;

/**
 * A signature over the audit chain's head at one moment.
 *
 * @param sequence the last entry's sequence when it was signed
 * @param headHash that entry's hash
 * @param keyId the SHA-256 (hex) of the signing key's SPKI, as recorded in the store
 * @param keyLabel the label of the signing key on the token
 * @param signedAt when it was signed
 */
public record SignedHead(long sequence, String headHash, String keyId, String keyLabel, Instant signedAt) {
}
