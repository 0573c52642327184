/** The main window, its navigation areas, the start-up failure screen and the screenshot exporter. */
package io.gatehouse.views.shell;
