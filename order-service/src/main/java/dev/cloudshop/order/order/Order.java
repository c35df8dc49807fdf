package dev.cloudshop.order.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.ListIndexBase;

import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;
import org.springframework.util.Assert;

/**
 * A customer's order and the state machine the order saga drives it through: it starts
 * {@link OrderStatus#PENDING} and ends {@link OrderStatus#PROCESSED} or
 * {@link OrderStatus#FAILED}. Reaching either registers its event
 * ({@link OrderProcessed}, {@link OrderFailed}), which saving the order publishes in the
 * same transaction.
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

	private UUID paymentId;

	private boolean paymentUnresolved;

	private boolean stockReleasePending;

	@Version
	private long version;

	@ElementCollection
	@CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	@ListIndexBase(1)
	private List<OrderLine> lines = new ArrayList<>();

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	/**
	 * The events of the transitions since the order was last saved, each made from the
	 * order's id when it is published: a new order has its id only once it is saved.
	 */
	@Transient
	private final transient List<Function<UUID, Object>> events = new ArrayList<>();

	protected Order() {
	}

	/**
	 * A new pending order.
	 * @param customerId who orders
	 * @param email where to tell them how it went
	 * @param lines what they order, at least one line
	 * @param now the time, from the service's clock (as every {@code now} below)
	 */
	public Order(String customerId, String email, List<OrderLine> lines, Instant now) {
		Assert.hasText(customerId, "customerId must not be blank");
		Assert.hasText(email, "email must not be blank");
		Assert.notEmpty(lines, "an order needs at least one line");
		Assert.noNullElements(lines, "lines must not contain null");
		this.customerId = customerId;
		this.email = email;
		this.lines.addAll(lines);
		this.status = OrderStatus.PENDING;
		this.createdAt = now;
		this.updatedAt = this.createdAt;
	}

	/**
	 * Stock is held: the lines now carry the catalog's unit prices, and the order its
	 * total.
	 * @param pricedLines the same skus and quantities, priced
	 * @param currency the ISO 4217 code of the prices
	 */
	public void stockReserved(List<OrderLine> pricedLines, String currency, Instant now) {
		requireStatus(OrderStatus.PENDING);
		Assert.hasText(currency, "currency must not be blank");
		Assert.isTrue(pricedLines.stream().allMatch(OrderLine::isPriced), "every line must be priced");
		Assert.isTrue(sameQuantities(pricedLines), "the priced lines must be the ordered lines");
		this.lines.clear();
		this.lines.addAll(pricedLines);
		this.total = this.lines.stream().map(OrderLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
		this.currency = currency;
		transitionTo(OrderStatus.STOCK_RESERVED, now);
	}

	/**
	 * The charge was sent but its outcome is unknown.
	 */
	public void paymentUnknown(Instant now) {
		requireStatus(OrderStatus.STOCK_RESERVED, OrderStatus.PAYMENT_UNKNOWN);
		transitionTo(OrderStatus.PAYMENT_UNKNOWN, now);
	}

	/**
	 * The charge was approved.
	 * @param paymentId the payment
	 */
	public void paid(UUID paymentId, Instant now) {
		requireStatus(OrderStatus.STOCK_RESERVED, OrderStatus.PAYMENT_UNKNOWN);
		Assert.notNull(paymentId, "paymentId must not be null");
		this.paymentId = paymentId;
		transitionTo(OrderStatus.PAID, now);
	}

	/**
	 * The reservation is committed: the order is complete, and {@link OrderProcessed} is
	 * registered.
	 */
	public void processed(Instant now) {
		requireStatus(OrderStatus.PAID);
		transitionTo(OrderStatus.PROCESSED, now);
		List<OrderLine> sold = getLines();
		Instant processedAt = this.updatedAt;
		this.events.add((id) -> new OrderProcessed(id, this.customerId, this.email, sold, this.total, this.currency,
				this.paymentId, processedAt));
	}

	/**
	 * The order cannot be completed, and nothing was reserved or charged for it;
	 * {@link OrderFailed} is registered.
	 * @param reason why
	 * @param detail what happened, for people
	 * @throws IllegalOrderTransitionException if the order is settled already
	 */
	public void fail(FailureReason reason, String detail, Instant now) {
		requireUnsettled();
		Assert.notNull(reason, "reason must not be null");
		this.failureReason = reason.name();
		this.failureDetail = detail;
		transitionTo(OrderStatus.FAILED, now);
		Instant failedAt = this.updatedAt;
		this.events.add((id) -> new OrderFailed(id, this.customerId, this.email, reason, detail, failedAt));
	}

	/**
	 * The order cannot be completed; its stock may be held and must be given back (no
	 * charge was made).
	 */
	public void failReleasingStock(FailureReason reason, String detail, Instant now) {
		fail(reason, detail, now);
		this.stockReleasePending = true;
	}

	/**
	 * The order cannot be completed; its stock may be held and a charge may have been
	 * made: both are undone afterwards, the charge voided or refunded.
	 */
	public void failUndoingEverything(FailureReason reason, String detail, Instant now) {
		failReleasingStock(reason, detail, now);
		this.paymentUnresolved = true;
	}

	/**
	 * The stock of a failed order was given back (or was never held).
	 */
	public void stockReleased(Instant now) {
		requireStatus(OrderStatus.FAILED);
		this.stockReleasePending = false;
		this.updatedAt = now;
	}

	/**
	 * The charge of a failed order turned out refunded, voided or never made.
	 */
	public void paymentResolved(Instant now) {
		requireStatus(OrderStatus.FAILED);
		this.paymentUnresolved = false;
		this.updatedAt = now;
	}

	/**
	 * @return whether something of a failed order is still to be undone
	 */
	public boolean isCompensationPending() {
		return this.stockReleasePending || this.paymentUnresolved;
	}

	/**
	 * @return whether the order has been unsettled for longer than allowed
	 */
	public boolean isPastDeadline(Duration deadline, Instant now) {
		return !this.status.isSettled() && this.createdAt.plus(deadline).isBefore(now);
	}

	/**
	 * @return the events of the transitions since the order was last saved, which saving
	 * it publishes
	 */
	@DomainEvents
	Collection<Object> domainEvents() {
		return this.events.stream().map((event) -> event.apply(this.id)).toList();
	}

	@AfterDomainEventPublication
	void clearDomainEvents() {
		this.events.clear();
	}

	private boolean sameQuantities(List<OrderLine> pricedLines) {
		return quantities(pricedLines).equals(quantities(this.lines));
	}

	private static Map<String, Integer> quantities(List<OrderLine> lines) {
		Map<String, Integer> quantities = new TreeMap<>();
		lines.forEach((line) -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
		return quantities;
	}

	private void requireStatus(OrderStatus... allowed) {
		if (!Arrays.asList(allowed).contains(this.status)) {
			throw new IllegalOrderTransitionException(
					"Order " + this.id + " is " + this.status + ", not " + Arrays.toString(allowed));
		}
	}

	private void requireUnsettled() {
		if (this.status.isSettled()) {
			throw new IllegalOrderTransitionException("Order " + this.id + " is already " + this.status);
		}
	}

	private void transitionTo(OrderStatus status, Instant now) {
		this.status = status;
		this.updatedAt = now;
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

	public UUID getPaymentId() {
		return this.paymentId;
	}

	public boolean isPaymentUnresolved() {
		return this.paymentUnresolved;
	}

	public boolean isStockReleasePending() {
		return this.stockReleasePending;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
