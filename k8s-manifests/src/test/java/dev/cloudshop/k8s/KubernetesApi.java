package dev.cloudshop.k8s;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;

/**
 * Validates an object against the Kubernetes API as the official Java client's models
 * describe it (generated from the API server's OpenAPI document): a field the API does
 * not define, at any depth, a missing required field, or a value of the wrong type is an
 * error. Only the API versions listed here are accepted.
 */
final class KubernetesApi {

	private static final Map<String, Class<?>> types = Map.of("v1/Namespace", V1Namespace.class, "v1/ConfigMap",
			V1ConfigMap.class, "v1/Secret", V1Secret.class, "v1/Service", V1Service.class, "apps/v1/Deployment",
			V1Deployment.class, "apps/v1/StatefulSet", V1StatefulSet.class, "autoscaling/v2/HorizontalPodAutoscaler",
			V2HorizontalPodAutoscaler.class, "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
			"networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class, "networking.k8s.io/v1/Ingress",
			V1Ingress.class);

	private KubernetesApi() {
	}

	/**
	 * The client's messages end with the whole offending object; the field and type they
	 * name come first.
	 */
	private static String withoutJson(String message) {
		int json = (message != null) ? message.indexOf(" JSON: ") : -1;
		return (json >= 0) ? message.substring(0, json) : message;
	}

	/**
	 * Validates one object and returns it as its typed model.
	 * @param object the object as read from YAML
	 * @return the typed model
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static Object validate(Map<String, Object> object) {
		String type = object.get("apiVersion") + "/" + object.get("kind");
		Class<?> model = types.get(type);
		if (model == null) {
			throw new IllegalArgumentException("Not a known API version and kind: " + type);
		}
		Gson gson = JSON.getGson();
		JsonElement json = gson.toJsonTree(object);
		try {
			model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
			return gson.fromJson(json, model);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalArgumentException(type + ": " + withoutJson(ex.getCause().getMessage()), ex.getCause());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(type + ": " + ex.getMessage(), ex);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
