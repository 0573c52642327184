/** The Architect's Defensive Audit checklist: items, results, and the gap analysis ordered by impact. */
package io.gatehouse.data.defense;
