package dev.cloudshop.k8s;

import java.util.Map;

import io.kubernetes.client.openapi.models.V1Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The validator the manifest tests rely on is strict: these are the mistakes it must
 * catch.
 */
class KubernetesApiTests {

	private static final String deployment = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: example
			spec:
			  replicas: %s
			  selector:
			    matchLabels:
			      app: example
			  template:
			    metadata:
			      labels:
			        app: example
			    spec:
			      containers:
			        - name: example
			          image: example:1
			          %s
			""";

	@Test
	void acceptsAValidDeployment() {
		Object model = KubernetesApi.validate(parse(deployment.formatted("2", "imagePullPolicy: IfNotPresent")));
		assertThat(model).isInstanceOf(V1Deployment.class);
		assertThat(((V1Deployment) model).getSpec().getReplicas()).isEqualTo(2);
	}

	@Test
	void rejectsAFieldTheApiDoesNotDefineDeepInsideAnObject() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesApi.validate(parse(deployment.formatted("2", "imagePullPolicyy: Always"))))
			.withMessageContaining("imagePullPolicyy");
	}

	@Test
	void rejectsAFieldInTheWrongPlace() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesApi
				.validate(parse(deployment.formatted("2", "readinessProbe: {httpGet: {path: /, port: 80}, path: /}"))))
			.withMessageContaining("path");
	}

	@Test
	void rejectsAValueOfTheWrongType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesApi.validate(parse(deployment.formatted("two", "imagePullPolicy: Always"))));
	}

	@Test
	void rejectsAMissingRequiredField() {
		assertThatIllegalArgumentException().isThrownBy(() -> KubernetesApi.validate(parse(deployment.formatted("2", "")
			.replace("  image: example:1\n", "")
			.replace("- name: example\n", "- image: example:1\n")))).withMessageContaining("name");
	}

	@Test
	void rejectsAnUnknownApiVersion() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> KubernetesApi.validate(Map.of("apiVersion", "extensions/v1beta1", "kind", "Ingress")))
			.withMessageContaining("extensions/v1beta1/Ingress");
	}

	@Test
	void rejectsAMalformedQuantity() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> KubernetesApi.validate(parse(deployment.formatted("1", "resources: {limits: {memory: 512MB}}"))));
	}

	private static Map<String, Object> parse(String yaml) {
		return Yaml.loadAll(yaml).get(0);
	}

}
