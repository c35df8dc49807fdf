/**
 * Every error the gateway itself answers, as an RFC 9457
 * {@code application/problem+json}.
 */
package dev.cloudshop.gateway.problem;
