/** The Settings area and the view model of the operator preferences. */
package io.gatehouse.views.settings;
