/** Building blocks every area uses: bundles, formats, themes, FXML loading, background work and the error path. */
package io.gatehouse.views.common;
