package dev.cloudshop.payment.payment;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a JSON string and nothing else: Jackson would otherwise take {@code 12345} or
 * {@code true} for the text {@code "12345"} or {@code "true"}.
 */
class StrictStringDeserializer extends StdDeserializer<String> {

	StrictStringDeserializer() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		return (String) context.handleUnexpectedToken(String.class, parser);
	}

}
