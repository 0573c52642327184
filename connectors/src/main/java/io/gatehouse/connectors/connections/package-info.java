/** The console's connections built from their configured TLS settings, and tested on request. */
package io.gatehouse.connectors.connections;
