/**
 * The console's own sign-in: the secret store's passphrase prompt, the operator's sign-in dialog, the lock
 * screen that covers the window when idle, and the step-up prompt before sensitive actions.
 */
package io.gatehouse.views.session;
