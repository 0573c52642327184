/** FXML views, view models, themes and reports. */
package io.gatehouse.views;
