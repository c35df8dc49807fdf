package dev.cloudshop.payment.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a payment token and refuses a card number the moment it is read, before Bean
 * Validation or anything else could hold it, show it in a message or log it.
 * <p>
 * A token is a JSON string; a card number is refused also when sent as a JSON number.
 */
class PaymentTokenDeserializer extends StdDeserializer<String> {

	private static final Logger logger = LoggerFactory.getLogger(PaymentTokenDeserializer.class);

	PaymentTokenDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
				|| token == JsonToken.VALUE_NUMBER_FLOAT) {
			if (TestToken.holdsACardNumber(parser.getString())) {
				logger.warn("Refused a card number sent as a payment token; it was neither stored nor logged");
				throw new CardNumberRefusedException();
			}
			if (token == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}

}
