package dev.cloudshop.servicedefaults.problem;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The suite's problem-details contract for a Spring MVC service: the
 * {@link ProblemHandler} for the framework's exceptions and every {@code ErrorResponse},
 * and the {@link ProblemDecorator} that gives every problem its path, trace id and
 * request id. Before Spring Boot's own problem details handler, which it replaces.
 * <p>
 * A service overrides either by declaring a bean of its type (for the handler, any
 * {@link ResponseEntityExceptionHandler}); it adds the mapping of its own exceptions with
 * a {@code @RestControllerAdvice} of its own, asked before this handler.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ResponseEntityExceptionHandler.class })
public class ProblemDetailsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemHandler problemHandler(ObjectProvider<MultipartConfigElement> multipartConfig) {
		return new ProblemHandler(multipartConfig);
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemDecorator problemDecorator(ObjectProvider<Tracer> tracer) {
		return new ProblemDecorator(tracer);
	}

}
