/** The Regional dashboards area: one row of KPI tiles per region, refreshed in the background. */
package io.gatehouse.views.dashboard;
