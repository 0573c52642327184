/** JMH benchmarks. */
package io.gatehouse.bench;
