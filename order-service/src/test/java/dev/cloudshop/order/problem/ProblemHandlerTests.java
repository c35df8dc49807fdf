package dev.cloudshop.order.problem;

import java.sql.SQLException;

import io.micrometer.tracing.Tracer;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemHandlerTests {

	private final ProblemHandler handler = new ProblemHandler(
			new StaticListableBeanFactory().getBeanProvider(Tracer.class));

	@Test
	void answersALostDatabaseConnectionWithARetryableServiceUnavailable() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/orders");
		request.addHeader("Idempotency-Key", "k-1");
		// What a transaction whose connection died under it (PostgreSQL restarting) ends
		// in.
		Exception lost = new JpaSystemException(new PersistenceException("Unable to rollback against JDBC Connection",
				new SQLException("An I/O error occurred while sending to the backend.", "08006")));

		ResponseEntity<Object> answer = this.handler.unexpected(lost, new ServletWebRequest(request));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getType()).hasToString("https://cloudshop.dev/problems/service-unavailable");
		assertThat(problem.getDetail()).endsWith("with the same Idempotency-Key");
	}

	@Test
	void answersARollbackThatLostItsConnectionWithAServiceUnavailable() {
		// Hikari closed the broken connection before Hibernate could roll back on it.
		Exception lost = new JpaSystemException(new org.hibernate.TransactionException(
				"Unable to rollback against JDBC Connection", new SQLException("Connection is closed")));

		ResponseEntity<Object> answer = this.handler.unexpected(lost,
				new ServletWebRequest(new MockHttpServletRequest("POST", "/api/orders")));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
	}

	@Test
	void answersATransactionThatCouldNotStartWithAServiceUnavailable() {
		ResponseEntity<Object> answer = this.handler.databaseUnavailable(
				new CannotCreateTransactionException("Could not open JPA EntityManager"),
				new ServletWebRequest(new MockHttpServletRequest("GET", "/api/orders")));

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("Idempotency-Key");
	}

	@Test
	void keepsAnythingElseUnexpectedA500WithoutDetails() {
		ResponseEntity<Object> answer = this.handler.unexpected(new IllegalStateException("a bug"),
				new ServletWebRequest(new MockHttpServletRequest("GET", "/api/orders")));

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		assertThat(((ProblemDetail) answer.getBody()).getDetail()).doesNotContain("a bug");
	}

}
