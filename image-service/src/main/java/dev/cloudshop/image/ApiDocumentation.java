package dev.cloudshop.image;

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
	OpenAPI imageApi() {
		return new OpenAPI()
			.info(new Info().title("image-service")
				.version("v1")
				.description("Product images: upload a JPEG, PNG or WebP image, then fetch its original, medium "
						+ "(800 px) and thumbnail (200 px) renditions, re-encoded without metadata."))
			.servers(List.of(new Server().url("/")));
	}

}
