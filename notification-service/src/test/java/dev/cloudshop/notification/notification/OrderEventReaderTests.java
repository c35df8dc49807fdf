package dev.cloudshop.notification.notification;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderEventReaderTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final OrderEventReader reader = new OrderEventReader(validation.getValidator());

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void readsAProcessedOrder() {
		OrderEventEnvelope envelope = this.reader.read(record("e-1", "OrderProcessed", """
				{"orderId": "o-1", "customerId": "c-1", "email": "ada@example.com",
				 "lines": [{"sku": "SKU-1", "quantity": 2, "unitPrice": 89.00}],
				 "total": 212.50, "currency": "EUR", "paymentId": "p-1", "processedAt": "2026-11-22T10:00:00Z"}
				"""));

		assertThat(envelope.id()).isEqualTo("e-1");
		assertThat(envelope.type()).isEqualTo("OrderProcessed");
		assertThat(envelope.event()).isInstanceOfSatisfying(OrderProcessed.class, (processed) -> {
			assertThat(processed.orderId()).isEqualTo("o-1");
			assertThat(processed.lines()).singleElement()
				.isEqualTo(new OrderProcessed.Line("SKU-1", 2, new BigDecimal("89.00")));
			assertThat(processed.total()).isEqualByComparingTo("212.50");
		});
	}

	@Test
	void readsAFailedOrderWithAReasonItDoesNotKnow() {
		OrderEventEnvelope envelope = this.reader.read(record("e-2", "OrderFailed", """
				{"orderId": "o-2", "email": "ada@example.com", "reason": "SOMETHING_NEW"}
				"""));

		assertThat(envelope.event())
			.isEqualTo(new OrderFailed("o-2", null, "ada@example.com", "SOMETHING_NEW", null, null));
	}

	@Test
	void ignoresFieldsItDoesNotKnow() {
		OrderEventEnvelope envelope = this.reader.read(record("e-3", "OrderFailed", """
				{"orderId": "o-3", "email": "ada@example.com", "reason": "OUT_OF_STOCK", "retryable": false,
				 "context": {"sku": "SKU-1"}}
				"""));

		assertThat(envelope.event().orderId()).isEqualTo("o-3");
	}

	@Test
	void rejectsAValueThatIsNotJson() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e-4", "OrderFailed", "not JSON")))
			.withMessage("OrderFailed e-4 is not a JSON OrderFailed");
	}

	@Test
	void rejectsARecordWithoutId() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record(null, "OrderFailed", "{}")))
			.withMessageContaining("has no ce_id header");
	}

	@Test
	void rejectsARecordWithoutType() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e-5", null, "{}")))
			.withMessageContaining("has no ce_type header");
	}

	@Test
	void rejectsAnUnknownType() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e-6", "OrderShipped", "{}")))
			.withMessage("Event e-6 has the unknown type OrderShipped");
	}

	@Test
	void rejectsAnEventWithoutItsRequiredFieldsNamingThemButNotTheValues() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e-7", "OrderProcessed", """
					{"orderId": "o-7", "email": "not an address", "lines": [{"sku": "SKU-1", "quantity": 0}],
					 "currency": "euro"}
					""")))
			.withMessage("OrderProcessed e-7 has invalid fields: currency must match \"[A-Z]{3}\", "
					+ "email must be a well-formed email address, lines[0].quantity must be greater than 0, "
					+ "lines[0].unitPrice must not be null, total must not be null");
	}

	@Test
	void rejectsARecordWithoutValue() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e-8", "OrderFailed", null)))
			.withMessage("OrderFailed e-8 has no value");
	}

	@Test
	void rejectsJsonNull() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.reader.read(record("e-9", "OrderFailed", "null")))
			.withMessage("OrderFailed e-9 is JSON null");
	}

	private static ConsumerRecord<String, byte[]> record(String id, String type, String value) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("order-events", 0, 0, "o-1",
				(value != null) ? value.getBytes(StandardCharsets.UTF_8) : null);
		if (id != null) {
			record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
		}
		if (type != null) {
			record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

}
