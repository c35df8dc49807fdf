package dev.cloudshop.inventory.reservation;

/**
 * Where a reservation is in its life: {@code RESERVED} until the order commits it (the
 * units are sold) or releases it, or it expires (the units are available again).
 */
enum ReservationStatus {

	RESERVED, COMMITTED, RELEASED, EXPIRED

}
