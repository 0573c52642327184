/** The Resilience Maturity Scale: criteria, answers with evidence, the scoring rule, assessments and their history. */
package io.gatehouse.data.maturity;
