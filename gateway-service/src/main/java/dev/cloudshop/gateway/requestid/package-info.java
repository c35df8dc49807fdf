/**
 * The correlation id every request carries from the edge to each service it reaches.
 */
package dev.cloudshop.gateway.requestid;
