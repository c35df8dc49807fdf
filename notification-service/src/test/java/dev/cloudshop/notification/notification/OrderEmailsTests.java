package dev.cloudshop.notification.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cloudshop.notification.email.Email;

import static org.assertj.core.api.Assertions.assertThat;

class OrderEmailsTests {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void confirmsAProcessedOrderWithItsLinesAndTotal() {
		Email email = OrderEmails.of(processed("o-42", "SKU-BOOTS", "ada@example.com"));

		assertThat(email.to()).isEqualTo("ada@example.com");
		assertThat(email.subject()).isEqualTo("Your order o-42 is confirmed");
		assertThat(email.text()).contains("Order o-42 is confirmed and paid.")
			.contains("  2 x SKU-BOOTS at 89.00 EUR = 178.00 EUR")
			.contains("  1 x SKU-SOCKS at 34.50 EUR = 34.50 EUR")
			.contains("Total: 212.50 EUR");
		assertThat(email.html()).contains("<title>Your order o-42 is confirmed</title>")
			.contains("<tr><td>SKU-BOOTS</td><td align=\"right\">2</td><td align=\"right\">89.00 EUR</td>"
					+ "<td align=\"right\">178.00 EUR</td></tr>")
			.contains("<th align=\"right\">212.50 EUR</th>");
	}

	@Test
	void escapesHtmlInEveryValue() {
		Email email = OrderEmails.of(processed("<b>o-1</b>", "<script>alert('x')</script>", "ada@example.com"));

		assertThat(email.html()).doesNotContain("<script>")
			.doesNotContain("<b>o-1</b>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("<strong>&lt;b&gt;o-1&lt;/b&gt;</strong>");
		// Plain text is not HTML: it keeps the value as it is.
		assertThat(email.text()).contains("<script>alert('x')</script>");
	}

	@Test
	void keepsLineBreaksOutOfTheSubject() {
		Email email = OrderEmails.of(processed("o-1\r\nBcc: eve@example.com", "SKU-1", "ada@example.com"));

		assertThat(email.subject()).doesNotContain("\r").doesNotContain("\n");
	}

	@Test
	void showsAmountsWithTheDigitsOfTheirCurrency() {
		OrderProcessed yen = new OrderProcessed("o-1", "c-1", "ada@example.com",
				List.of(new OrderProcessed.Line("SKU-1", 3, new BigDecimal("1500"))), new BigDecimal("4500"), "JPY",
				"p-1", AT);

		assertThat(OrderEmails.of(yen).text()).contains("3 x SKU-1 at 1500 JPY = 4500 JPY").contains("Total: 4500 JPY");
	}

	@Test
	void explainsEachKnownReasonInWords() {
		assertThat(failed("OUT_OF_STOCK").text()).contains("Some of the items you ordered are out of stock.");
		assertThat(failed("UNKNOWN_PRODUCT").text()).contains("no longer in our catalog");
		assertThat(failed("PAYMENT_DECLINED").text()).contains("Your payment was declined");
		assertThat(failed("PAYMENT_FAILED").text()).contains("We could not take your payment.");
		assertThat(failed("DEPENDENCY_UNAVAILABLE").text()).contains("temporary technical problem");
	}

	@Test
	void explainsAnUnknownOrMissingReasonInGeneralWords() {
		assertThat(failed("SOMETHING_NEW").text()).contains("Something went wrong while we were processing it.")
			.doesNotContain("SOMETHING_NEW");
		assertThat(failed(null).text()).contains("Something went wrong while we were processing it.");
	}

	@Test
	void tellsAFailedOrderWithoutItsOperatorDetail() {
		Email email = failed("OUT_OF_STOCK");

		assertThat(email.subject()).isEqualTo("Your order o-7 could not be completed");
		assertThat(email.text()).contains("your order o-7 could not be completed")
			.contains("You will not be charged for it.")
			.doesNotContain("inventory-service");
		assertThat(email.html()).contains("<strong>o-7</strong>").doesNotContain("inventory-service");
	}

	private static OrderProcessed processed(String orderId, String sku, String email) {
		return new OrderProcessed(orderId, "c-1", email,
				List.of(new OrderProcessed.Line(sku, 2, new BigDecimal("89.00")),
						new OrderProcessed.Line("SKU-SOCKS", 1, new BigDecimal("34.50"))),
				new BigDecimal("212.50"), "EUR", "p-1", AT);
	}

	private static Email failed(String reason) {
		return OrderEmails.of(new OrderFailed("o-7", "c-1", "ada@example.com", reason,
				"inventory-service: SKU-BOOTS has 1 left", AT));
	}

}
