/** The console's own connections: how each is secured, checking them, editing them and rotating their secrets. */
package io.gatehouse.data.connections;
