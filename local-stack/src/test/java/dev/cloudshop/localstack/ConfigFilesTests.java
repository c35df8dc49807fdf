package dev.cloudshop.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConfigFilesTests {

	@TempDir
	Path dir;

	@Test
	void copiesEveryFileAndPointsTheConfigurationAtThisStack() throws IOException {
		Path repository = Files.createDirectories(this.dir.resolve("observability/prometheus"));
		Files.createDirectories(repository.resolve("rules"));
		Files.writeString(repository.resolve("rules/alerts.yml"), "groups: []\n");
		Files.writeString(repository.resolve("prometheus.yml"),
				"eureka: http://localhost:8761/eureka\nalertmanager: localhost:9095\n");

		Path config = ConfigFiles.copy(repository, this.dir.resolve("stack/prometheus"), "prometheus.yml",
				Map.of("localhost:8761", "localhost:28761", "localhost:9095", "localhost:29095"));

		assertThat(config).hasContent("eureka: http://localhost:28761/eureka\nalertmanager: localhost:29095\n");
		assertThat(this.dir.resolve("stack/prometheus/rules/alerts.yml")).hasContent("groups: []\n");
		assertThat(repository.resolve("prometheus.yml")).content().contains("localhost:8761");
	}

	@Test
	void refusesAConfigurationThatNoLongerNamesAnAddress() throws IOException {
		Path repository = Files.createDirectories(this.dir.resolve("alertmanager"));
		Files.writeString(repository.resolve("alertmanager.yml"), "api_url: http://chat.example/hooks\n");

		assertThatIllegalStateException()
			.isThrownBy(() -> ConfigFiles.copy(repository, this.dir.resolve("stack"), "alertmanager.yml",
					Map.of("127.0.0.1:9099", "127.0.0.1:29099")))
			.withMessageContaining("no longer names 127.0.0.1:9099");
	}

	@Test
	void theRepositorysFilesNameEveryAddressTheStackMoves() {
		Path observability = Path.of("..", "observability");
		ConfigFiles.copy(observability.resolve("prometheus"), this.dir.resolve("prometheus"), "prometheus.yml",
				Map.of("localhost:8761", "localhost:28761", "discovery-service:8761", "discovery-service:28761",
						"localhost:9090", "localhost:29090", "localhost:9095", "localhost:29095"));
		ConfigFiles.copy(observability.resolve("alertmanager"), this.dir.resolve("alertmanager"), "alertmanager.yml",
				Map.of("127.0.0.1:9099", "127.0.0.1:29099"));

		assertThat(this.dir.resolve("prometheus/prometheus.yml")).content()
			.doesNotContain("localhost:8761", "discovery-service:8761", "localhost:9090", "localhost:9095");
		assertThat(this.dir.resolve("alertmanager/alertmanager.yml")).content().doesNotContain("127.0.0.1:9099");
		assertThat(this.dir.resolve("prometheus/rules/alerts.yml")).exists();
		assertThat(this.dir.resolve("alertmanager/templates/cloudshop.tmpl")).exists();
	}

}
