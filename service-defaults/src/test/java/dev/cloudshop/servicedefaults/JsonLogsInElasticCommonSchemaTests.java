package dev.cloudshop.servicedefaults;

import dev.cloudshop.servicedefaults.sample.SampleService;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The JSON logs of {@link JsonLogsTests} in the Elastic Common Schema format
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}): the same {@code traceId} and
 * {@code requestId} fields.
 */
@SpringBootTest(classes = SampleService.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "logging.structured.format.console=ecs")
class JsonLogsInElasticCommonSchemaTests extends JsonLogsTests {

}
