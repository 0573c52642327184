/**
 * The Key custody area: the tokens on this machine, the key inventory of the selected token with
 * its findings, the key rings and their versions, and the rotation wizard. Everything it does goes
 * through {@link io.gatehouse.views.keys.KeyCustodyPort}, which the app implements over the token
 * layer and the key custody service.
 */
package io.gatehouse.views.keys;
