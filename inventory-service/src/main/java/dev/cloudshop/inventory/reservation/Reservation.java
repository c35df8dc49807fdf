package dev.cloudshop.inventory.reservation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.ListIndexBase;

import org.springframework.data.domain.Persistable;
import org.springframework.util.Assert;

/**
 * The stock held for one order, and the state machine it moves through. The stock itself
 * moves in the {@code stock} feature; this records what is held, at which prices, and
 * decides which moves are allowed.
 */
@Entity
@Table(name = "reservation")
class Reservation implements Persistable<String> {

	@Id
	private String orderId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private ReservationStatus status;

	@Column(nullable = false)
	private BigDecimal total;

	@Column(nullable = false)
	private String currency;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	@ListIndexBase(1)
	private List<ReservationLine> lines = new ArrayList<>();

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	@Column(nullable = false)
	private Instant expiresAt;

	// The id is the order's, known before the first save: without this flag Spring Data
	// would merge a new reservation into an existing one of the same order, not insert
	// it.
	@Transient
	private boolean isNew;

	protected Reservation() {
	}

	/**
	 * Holds the lines from now on, for the time to live.
	 * @param now the current time, in the microseconds PostgreSQL keeps, so that what is
	 * read back equals what was written
	 */
	Reservation(String orderId, List<ReservationLine> lines, String currency, Duration timeToLive, Instant now) {
		Assert.hasText(orderId, "orderId must not be blank");
		Assert.notEmpty(lines, "a reservation holds at least one line");
		Assert.notNull(now, "now must not be null");
		this.orderId = orderId;
		this.status = ReservationStatus.RESERVED;
		this.lines = new ArrayList<>(lines);
		this.total = lines.stream().map(ReservationLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.currency = currency;
		this.createdAt = now;
		this.updatedAt = this.createdAt;
		this.expiresAt = this.createdAt.plus(timeToLive);
		this.isNew = true;
	}

	@Override
	public String getId() {
		return this.orderId;
	}

	@Override
	public boolean isNew() {
		return this.isNew;
	}

	@PostPersist
	@PostLoad
	void markNotNew() {
		this.isNew = false;
	}

	/**
	 * Whether this reservation was made for exactly these quantities, whatever their
	 * order: a repeated request may list its lines differently.
	 */
	boolean holds(Map<String, Integer> quantities) {
		return quantitiesBySku().equals(new TreeMap<>(quantities));
	}

	Map<String, Integer> quantitiesBySku() {
		Map<String, Integer> quantities = new TreeMap<>();
		this.lines.forEach((line) -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
		return quantities;
	}

	/**
	 * Marks the held units as sold.
	 * @return whether the stock must move: {@code false} when already committed
	 * @throws IllegalReservationStateException when released or expired
	 */
	boolean commit(Instant now) {
		if (this.status == ReservationStatus.COMMITTED) {
			return false;
		}
		if (this.status != ReservationStatus.RESERVED) {
			throw new IllegalReservationStateException(this.orderId, this.status, "commit");
		}
		moveTo(ReservationStatus.COMMITTED, now);
		return true;
	}

	/**
	 * Gives the held units back.
	 * @return whether the stock must move: {@code false} when already released or expired
	 * @throws IllegalReservationStateException when committed
	 */
	boolean release(Instant now) {
		if (this.status == ReservationStatus.RELEASED || this.status == ReservationStatus.EXPIRED) {
			return false;
		}
		if (this.status != ReservationStatus.RESERVED) {
			throw new IllegalReservationStateException(this.orderId, this.status, "release");
		}
		moveTo(ReservationStatus.RELEASED, now);
		return true;
	}

	/**
	 * Gives the held units back because nobody committed or released them in time.
	 * @return whether the stock must move
	 */
	boolean expire(Instant now) {
		if (this.status != ReservationStatus.RESERVED || this.expiresAt.isAfter(now)) {
			return false;
		}
		moveTo(ReservationStatus.EXPIRED, now);
		return true;
	}

	private void moveTo(ReservationStatus next, Instant now) {
		this.status = next;
		this.updatedAt = now;
	}

	String getOrderId() {
		return this.orderId;
	}

	ReservationStatus getStatus() {
		return this.status;
	}

	BigDecimal getTotal() {
		return this.total;
	}

	String getCurrency() {
		return this.currency;
	}

	List<ReservationLine> getLines() {
		return List.copyOf(this.lines);
	}

	Instant getExpiresAt() {
		return this.expiresAt;
	}

}
