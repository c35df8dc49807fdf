/**
 * The Idempotency-Key header of the IETF httpapi draft: a retried request replays the
 * first response instead of placing a second order.
 */
package dev.cloudshop.order.idempotency;
