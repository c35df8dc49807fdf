/**
 * What the gateway refuses before any service sees it: oversized bodies and paths that
 * try to escape their route.
 */
package dev.cloudshop.gateway.limits;
