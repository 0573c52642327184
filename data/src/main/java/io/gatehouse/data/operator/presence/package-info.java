/**
 * How the operator at the console proves who they are: sign-in at start, step-up before sensitive actions,
 * the idle lock and its unlock, and sign-out, each audited without the secret that was entered.
 */
package io.gatehouse.data.operator.presence;
