/** Signed security events relayed by the checkout backend: the record, the port that receives them, and their per-region signals. */
package io.gatehouse.data.events;
