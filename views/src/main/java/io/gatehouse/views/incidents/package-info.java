/** The Alerts and incidents area: alerts from the anomaly detector, their runbooks, and incident response. */
package io.gatehouse.views.incidents;
