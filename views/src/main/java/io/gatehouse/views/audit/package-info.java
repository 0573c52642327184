/** The Audit log area: filtered entries and chain verification. */
package io.gatehouse.views.audit;
