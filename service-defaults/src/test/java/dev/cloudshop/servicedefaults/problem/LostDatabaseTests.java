package dev.cloudshop.servicedefaults.problem;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service whose database restarts answers 503 with {@code Retry-After}, never 500: the
 * transaction never committed, so the same request may be sent again.
 */
class LostDatabaseTests {

	private final ProblemHandler handler = new ProblemHandler(
			new StaticListableBeanFactory().getBeanProvider(jakarta.servlet.MultipartConfigElement.class));

	@Test
	void answersAConnectionLostUnderATransactionWithARetryableServiceUnavailable() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
		request.addHeader("Idempotency-Key", "k-1");
		// What a transaction whose connection died under it (PostgreSQL restarting) ends
		// in: the driver's connection failure, wrapped by the layers above.
		Exception lost = new IllegalStateException("Unable to rollback against JDBC Connection",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"));

		ResponseEntity<Object> answer = this.handler.unexpected(lost, new ServletWebRequest(request));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getType()).hasToString("https://cloudshop.dev/problems/service-unavailable");
		assertThat(problem.getDetail()).endsWith("with the same Idempotency-Key");
	}

	@Test
	void answersAnAdministratorShutdownOfTheDatabaseWithAServiceUnavailable() {
		Exception shutdown = new SQLException("terminating connection due to administrator command", "57P01");

		assertThat(answer(shutdown).getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void answersARollbackThatLostItsConnectionWithAServiceUnavailable() {
		Exception lost = new TransactionSystemException("Could not roll back JPA transaction",
				new SQLException("Connection is closed"));

		assertThat(answer(lost).getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void answersATransactionThatCouldNotStartWithAServiceUnavailableWithoutMentioningAKey() {
		ResponseEntity<Object> answer = answer(
				new CannotCreateTransactionException("Could not open JPA EntityManager"));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("Idempotency-Key");
	}

	@Test
	void answersAnExhaustedConnectionPoolWithAServiceUnavailable() {
		assertThat(answer(new DataAccessResourceFailureException("Unable to acquire JDBC Connection")).getStatusCode()
			.value()).isEqualTo(503);
	}

	@Test
	void keepsAnyOtherSqlFailureA500WithoutDetails() {
		ResponseEntity<Object> answer = answer(
				new IllegalStateException("a bug", new SQLException("column \"x\" does not exist", "42703")));

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("a bug");
	}

	private ResponseEntity<Object> answer(Exception failure) {
		return this.handler.unexpected(failure,
				new ServletWebRequest(new MockHttpServletRequest("GET", "/api/orders")));
	}

}
