/**
 * The suite's problem-details contract (RFC 9457): the {@code Problems} factory services
 * build their own problems with, and the handler and decorator that answer every error of
 * a Spring MVC service with it.
 */
package dev.cloudshop.servicedefaults.problem;
