package dev.cloudshop.servicedefaults;

import org.junit.jupiter.api.Test;

import dev.cloudshop.servicedefaults.problem.ProblemDecorator;
import dev.cloudshop.servicedefaults.problem.ProblemDetailsAutoConfiguration;
import dev.cloudshop.servicedefaults.problem.ProblemHandler;
import dev.cloudshop.servicedefaults.web.BodySizeLimitFilter;
import dev.cloudshop.servicedefaults.web.WebDefaultsAutoConfiguration;
import dev.cloudshop.servicedefaults.web.WebLimits;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDefaultsAutoConfigurationTests {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ProblemDetailsAutoConfiguration.class,
				WebDefaultsAutoConfiguration.class, JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	@Test
	void givesAServletServiceTheContract() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(ProblemHandler.class)
				.hasSingleBean(ResponseEntityExceptionHandler.class)
				.hasSingleBean(ProblemDecorator.class)
				.hasSingleBean(BodySizeLimitFilter.class)
				.hasBean("refuseDuplicateFields");
			assertThat(context.getBean(WebLimits.class).maxBodySize()).isEqualTo(DataSize.ofKilobytes(16));
		});
	}

	@Test
	void backsOffForAServicesOwnExceptionHandler() {
		this.servlet.withUserConfiguration(OwnHandler.class).run((context) -> {
			assertThat(context).doesNotHaveBean(ProblemHandler.class);
			assertThat(context).getBean(ResponseEntityExceptionHandler.class).isInstanceOf(OwnProblemHandler.class);
		});
	}

	@Test
	void backsOffForAServicesOwnBodySizeLimit() {
		this.servlet.withUserConfiguration(OwnLimit.class)
			.run((context) -> assertThat(context).getBean(BodySizeLimitFilter.class)
				.isSameAs(context.getBean("ownLimit")));
	}

	@Test
	void takesTheServicesBodySizeLimit() {
		this.servlet.withPropertyValues("cloudshop.web.max-body-size=12MB")
			.run((context) -> assertThat(context.getBean(WebLimits.class).maxBodySize())
				.isEqualTo(DataSize.ofMegabytes(12)));
	}

	@Test
	void addsNothingToAReactiveService() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(ProblemDetailsAutoConfiguration.class, WebDefaultsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemHandler.class)
				.doesNotHaveBean(ProblemDecorator.class)
				.doesNotHaveBean(BodySizeLimitFilter.class)
				.doesNotHaveBean("refuseDuplicateFields"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandler {

		@Bean
		OwnProblemHandler ownProblemHandler() {
			return new OwnProblemHandler();
		}

	}

	static class OwnProblemHandler extends ResponseEntityExceptionHandler {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnLimit {

		@Bean
		BodySizeLimitFilter ownLimit(HandlerExceptionResolver handlerExceptionResolver) {
			return new BodySizeLimitFilter(new WebLimits(DataSize.ofMegabytes(1)), handlerExceptionResolver);
		}

	}

}
