/** Adapters that implement data's ports against the outside world. */
package io.gatehouse.connectors;
