package dev.cloudshop.notification.notification;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an order event from a Kafka record: CloudEvents headers in binary mode
 * ({@code ce_id}, {@code ce_type}) and a JSON value. A tolerant reader: fields it does
 * not know are ignored, whatever the web layer's JSON settings are.
 */
class OrderEventReader {

	static final String ID_HEADER = "ce_id";

	static final String TYPE_HEADER = "ce_type";

	// The notification table's event_id column.
	private static final int MAX_ID_LENGTH = 100;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final Validator validator;

	OrderEventReader(Validator validator) {
		this.validator = validator;
	}

	/**
	 * @param record a record of the order events topic
	 * @return the event it holds
	 * @throws UnreadableEventException if it holds no order event this service knows
	 */
	OrderEventEnvelope read(ConsumerRecord<String, byte[]> record) {
		String id = header(record, ID_HEADER);
		if (id.length() > MAX_ID_LENGTH) {
			throw new UnreadableEventException("The " + ID_HEADER + " header is longer than " + MAX_ID_LENGTH);
		}
		String type = header(record, TYPE_HEADER);
		Class<? extends OrderEvent> eventClass = switch (type) {
			case "OrderProcessed" -> OrderProcessed.class;
			case "OrderFailed" -> OrderFailed.class;
			default -> throw new UnreadableEventException("Event " + id + " has the unknown type " + type);
		};
		OrderEvent event = parse(id, type, eventClass, record.value());
		Set<ConstraintViolation<OrderEvent>> violations = this.validator.validate(event);
		if (!violations.isEmpty()) {
			// Names the fields, never their values: they are the customer's data.
			String fields = violations.stream()
				.map((violation) -> violation.getPropertyPath() + " " + violation.getMessage())
				.sorted()
				.collect(Collectors.joining(", "));
			throw new UnreadableEventException(type + " " + id + " has invalid fields: " + fields);
		}
		return new OrderEventEnvelope(id, type, event);
	}

	private OrderEvent parse(String id, String type, Class<? extends OrderEvent> eventClass, byte[] value) {
		if (value == null) {
			throw new UnreadableEventException(type + " " + id + " has no value");
		}
		try {
			OrderEvent event = this.json.readValue(value, eventClass);
			if (event == null) {
				throw new UnreadableEventException(type + " " + id + " is JSON null");
			}
			return event;
		}
		catch (JacksonException ex) {
			throw new UnreadableEventException(type + " " + id + " is not a JSON " + type, ex);
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		String value = (header != null && header.value() != null)
				? new String(header.value(), StandardCharsets.UTF_8).strip() : "";
		if (value.isEmpty()) {
			throw new UnreadableEventException("The record at " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has no " + name + " header");
		}
		return value;
	}

}
