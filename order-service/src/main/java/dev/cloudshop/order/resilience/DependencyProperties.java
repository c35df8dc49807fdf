package dev.cloudshop.order.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The resilience settings of each dependency.
 *
 * @param inventory inventory-service
 * @param payment payment-service
 */
@ConfigurationProperties("order.dependencies")
public record DependencyProperties(CallPolicyProperties inventory, CallPolicyProperties payment) {
}
