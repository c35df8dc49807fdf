/**
 * What the gateway refuses before any service sees it: oversized bodies, paths that try
 * to escape their route, and requests beyond what a route can take at once.
 */
package dev.cloudshop.gateway.limits;
