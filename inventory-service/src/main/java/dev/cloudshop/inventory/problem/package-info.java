/**
 * How the service refuses bad input and answers failures: strict reading of numbers and
 * JSON, and RFC 9457 problem details with a stable type, the offending field and the
 * trace id.
 */
package dev.cloudshop.inventory.problem;
