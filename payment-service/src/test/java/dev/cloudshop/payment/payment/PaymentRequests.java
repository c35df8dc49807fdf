package dev.cloudshop.payment.payment;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests the payment tests send (charges, refunds and voids) and the payments they
 * leave in the database, through the {@code RestTestClient} and the {@code JdbcTemplate}
 * of the test's application context. Registered on a field of a Spring test class:
 * <pre class="code">
 * &#64;RegisterExtension
 * final PaymentRequests requests = new PaymentRequests();
 * </pre>
 */
final class PaymentRequests implements BeforeEachCallback {

	private ApplicationContext context;

	@Override
	public void beforeEach(ExtensionContext extensionContext) {
		this.context = SpringExtension.getApplicationContext(extensionContext);
	}

	/**
	 * @return the id of an order no other test charges
	 */
	static String uniqueOrderId() {
		return UUID.randomUUID().toString();
	}

	/**
	 * @param orderId the order
	 * @param amount the amount as it is written in JSON, such as {@code 49.90} or
	 * {@code "49.90"}
	 * @param currency the currency code
	 * @param token the payment token, such as {@code tok_approve}
	 * @return the JSON body of a charge
	 */
	static String chargeBody(String orderId, String amount, String currency, String token) {
		return """
				{"orderId": "%s", "amount": %s, "currency": "%s", "paymentToken": "%s"}
				""".formatted(orderId, amount, currency, token);
	}

	/**
	 * Charges 49.90 EUR.
	 * @param orderId the order
	 * @param token the payment token
	 * @return the answer
	 */
	RestTestClient.ResponseSpec charge(String orderId, String token) {
		return charge(orderId, "49.90", "EUR", token);
	}

	RestTestClient.ResponseSpec charge(String orderId, String amount, String currency, String token) {
		return charge(chargeBody(orderId, amount, currency, token));
	}

	/**
	 * @param body the JSON body, valid or not
	 * @return the answer to a charge with that body
	 */
	RestTestClient.ResponseSpec charge(String body) {
		return client().post().uri("/api/payments").contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	RestTestClient.ResponseSpec refund(Object paymentId) {
		return client().post().uri("/api/payments/{id}/refund", paymentId).exchange();
	}

	RestTestClient.ResponseSpec voidCharge(String orderId) {
		return client().post()
			.uri("/api/payments/void")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"orderId\": \"%s\"}".formatted(orderId))
			.exchange();
	}

	/**
	 * @param orderId the order
	 * @return the answer to {@code GET /api/payments?orderId=}
	 */
	RestTestClient.ResponseSpec paymentOfOrder(String orderId) {
		return client().get().uri("/api/payments?orderId={orderId}", orderId).exchange();
	}

	/**
	 * @param answer the answer to a request
	 * @param status the status it is expected to have
	 * @return the payment it holds
	 */
	static PaymentView paymentOf(RestTestClient.ResponseSpec answer, HttpStatus status) {
		PaymentView payment = answer.expectStatus()
			.isEqualTo(status)
			.expectBody(PaymentView.class)
			.returnResult()
			.getResponseBody();
		assertThat(payment).isNotNull();
		return payment;
	}

	/**
	 * @return how many payments are stored, of every order
	 */
	int payments() {
		return jdbc().queryForObject("select count(*) from payment", Integer.class);
	}

	int paymentsOf(String orderId) {
		return jdbc().queryForObject("select count(*) from payment where order_id = ?", Integer.class, orderId);
	}

	List<String> statusesOf(String orderId) {
		return jdbc().queryForList("select status from payment where order_id = ?", String.class, orderId);
	}

	private RestTestClient client() {
		return this.context.getBean(RestTestClient.class);
	}

	private JdbcTemplate jdbc() {
		return this.context.getBean(JdbcTemplate.class);
	}

}
