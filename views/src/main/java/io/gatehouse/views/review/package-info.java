/** The Review desk area: the case queue, the evidence of the selected case and keyboard triage. */
package io.gatehouse.views.review;
