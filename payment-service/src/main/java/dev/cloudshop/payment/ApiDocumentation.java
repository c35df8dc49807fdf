package dev.cloudshop.payment;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says about this service. The server is relative, so "Try it
 * out" goes to whoever served the document: the gateway or the service's own port.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI paymentApi() {
		return new OpenAPI()
			.info(new Info().title("payment-service")
				.version("v1")
				.description("A simulated payment provider: charges by test token, lookups by order, refunds."))
			.servers(List.of(new Server().url("/")));
	}

}
