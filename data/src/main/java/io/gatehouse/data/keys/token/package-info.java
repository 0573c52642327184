/**
 * The port to a cryptographic token (smartcard or HSM) and the pure rules about what is on it.
 * Nothing here knows PKCS#11: the connectors module implements {@link io.gatehouse.data.keys.token.TokenPort}.
 */
package io.gatehouse.data.keys.token;
