/**
 * The token port over PKCS#11, through ipkcs11wrapper: module loading, token selection by label,
 * login, key inventory, on-token generation with an explicit attribute template, signing and
 * public key export. See docs/key-custody.md.
 */
package io.gatehouse.connectors.pkcs11;
