/** The Maturity & audit area: the radar, the assessment editor, the roadmap, the defensive audit and comparisons. */
package io.gatehouse.views.maturity;
