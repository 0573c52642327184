/** Automatic evidence: small checks on data the console already holds, shared by the maturity scale and the audit checklist. */
package io.gatehouse.data.evidence;
