package dev.cloudshop.inventory.reservation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long stock stays held for an order that neither commits nor releases it.
 *
 * @param timeToLive how long a reservation holds its stock; longer than the longest an
 * order may take to finish, so only an abandoned order loses its reservation
 * @param expiryCheckInterval how often expired reservations are released
 */
@ConfigurationProperties("inventory.reservations")
record ReservationProperties(@DefaultValue("5m") Duration timeToLive,
		@DefaultValue("5s") Duration expiryCheckInterval) {
}
