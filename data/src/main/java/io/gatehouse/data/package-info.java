/** The console's model, rules, services, ports, local store, configuration and audit chain. */
package io.gatehouse.data;
