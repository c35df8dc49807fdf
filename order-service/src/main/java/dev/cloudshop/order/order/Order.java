package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.ListIndexBase;

import org.springframework.util.Assert;

/**
 * A customer's order and the state machine the order saga drives it through: it starts
 * {@link OrderStatus#PENDING} and ends {@link OrderStatus#PROCESSED} or
 * {@link OrderStatus#FAILED}.
 */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false)
	private String customerId;

	@Column(nullable = false)
	private String email;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OrderStatus status;

	private String failureReason;

	private String failureDetail;

	private BigDecimal total;

	private String currency;

	@ElementCollection
	@CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	@ListIndexBase(1)
	private List<OrderLine> lines = new ArrayList<>();

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Order() {
	}

	/**
	 * A new pending order.
	 * @param customerId who orders
	 * @param email where to tell them how it went
	 * @param lines what they order, at least one line
	 */
	public Order(String customerId, String email, List<OrderLine> lines) {
		Assert.hasText(customerId, "customerId must not be blank");
		Assert.hasText(email, "email must not be blank");
		Assert.notEmpty(lines, "an order needs at least one line");
		Assert.noNullElements(lines, "lines must not contain null");
		this.customerId = customerId;
		this.email = email;
		this.lines.addAll(lines);
		this.status = OrderStatus.PENDING;
		this.createdAt = now();
		this.updatedAt = this.createdAt;
	}

	/**
	 * The charge was sent but its outcome is unknown.
	 * @throws IllegalStateException unless the order is pending
	 */
	public void markPaymentUnknown() {
		requireStatus(OrderStatus.PENDING);
		transitionTo(OrderStatus.PAYMENT_UNKNOWN);
	}

	/**
	 * Stock is reserved and the payment approved; the total is the sum of the priced
	 * lines.
	 * @param currency the ISO 4217 code the lines are priced in
	 * @throws IllegalStateException if the order is already settled or a line has no
	 * price
	 */
	public void markProcessed(String currency) {
		requireUnsettled();
		Assert.hasText(currency, "currency must not be blank");
		if (!this.lines.stream().allMatch(OrderLine::isPriced)) {
			throw new IllegalStateException("Order " + this.id + " has a line without a price");
		}
		this.total = this.lines.stream().map(OrderLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.currency = currency;
		transitionTo(OrderStatus.PROCESSED);
	}

	/**
	 * The order cannot be completed.
	 * @param reason a stable reason code, such as {@code OUT_OF_STOCK}
	 * @param detail what happened, for people
	 * @throws IllegalStateException if the order is already settled
	 */
	public void markFailed(String reason, String detail) {
		requireUnsettled();
		Assert.hasText(reason, "reason must not be blank");
		this.failureReason = reason;
		this.failureDetail = detail;
		transitionTo(OrderStatus.FAILED);
	}

	private void requireStatus(OrderStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("Order " + this.id + " is " + this.status + ", not " + expected);
		}
	}

	private void requireUnsettled() {
		if (this.status.isSettled()) {
			throw new IllegalStateException("Order " + this.id + " is already " + this.status);
		}
	}

	private void transitionTo(OrderStatus status) {
		this.status = status;
		this.updatedAt = now();
	}

	// PostgreSQL keeps microseconds: truncate, so what is read back equals this.
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	public UUID getId() {
		return this.id;
	}

	public String getCustomerId() {
		return this.customerId;
	}

	public String getEmail() {
		return this.email;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public String getFailureReason() {
		return this.failureReason;
	}

	public String getFailureDetail() {
		return this.failureDetail;
	}

	public BigDecimal getTotal() {
		return this.total;
	}

	public String getCurrency() {
		return this.currency;
	}

	public List<OrderLine> getLines() {
		return List.copyOf(this.lines);
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
