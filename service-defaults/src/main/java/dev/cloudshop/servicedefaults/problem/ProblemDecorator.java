package dev.cloudshop.servicedefaults.problem;

import java.net.URI;
import java.util.Map;

import io.micrometer.tracing.Baggage;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Completes every problem on its way out, whoever built it (the {@link ProblemHandler}, a
 * service's own advice, a controller): {@code instance} is the request path,
 * {@code traceId} the trace of the request and {@code requestId} the gateway's
 * {@code X-Request-Id}, carried as baggage. A member a problem already has is kept.
 */
@ControllerAdvice
public class ProblemDecorator implements ResponseBodyAdvice<Object> {

	/** The baggage field, and MDC key, of the request id. */
	public static final String REQUEST_ID = "X-Request-Id";

	private final ObjectProvider<Tracer> tracer;

	/**
	 * @param tracer the tracer, when tracing is on
	 */
	public ProblemDecorator(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail problem) {
			decorate(problem, request);
		}
		return body;
	}

	private void decorate(ProblemDetail problem, ServerHttpRequest request) {
		if (problem.getInstance() == null && request instanceof ServletServerHttpRequest servlet) {
			problem.setInstance(URI.create(servlet.getServletRequest().getRequestURI()));
		}
		Map<String, Object> properties = problem.getProperties();
		Tracer current = this.tracer.getIfAvailable();
		Span span = (current != null) ? current.currentSpan() : null;
		if (span != null && (properties == null || !properties.containsKey("traceId"))) {
			problem.setProperty("traceId", span.context().traceId());
		}
		String requestId = requestId(current);
		if (requestId != null && (properties == null || !properties.containsKey("requestId"))) {
			problem.setProperty("requestId", requestId);
		}
	}

	private static String requestId(Tracer tracer) {
		String requestId = MDC.get(REQUEST_ID);
		if (requestId == null && tracer != null) {
			Baggage baggage = tracer.getBaggage(REQUEST_ID);
			requestId = (baggage != null) ? baggage.get() : null;
		}
		return (requestId != null && !requestId.isBlank()) ? requestId : null;
	}

}
