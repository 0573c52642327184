/** Connection health for the status bar and the Connections area. */
package io.gatehouse.views.connections;
