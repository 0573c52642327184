/** The operator's desktop preferences and the file they live in. */
package io.gatehouse.data.settings;
