/**
 * How the service answers bad input and failures: RFC 9457 problem details with a stable
 * type, the offending field and the trace id, never a rejected value or a stack trace.
 */
package dev.cloudshop.payment.problem;
