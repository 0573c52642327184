/**
 * Secrets the console needs (API tokens, connector credentials) kept out of the configuration
 * file: the {@link io.gatehouse.data.secrets.SecretStore} port and its passphrase-encrypted
 * implementation.
 */
package io.gatehouse.data.secrets;
