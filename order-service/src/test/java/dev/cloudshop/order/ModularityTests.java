package dev.cloudshop.order;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The service's packages are application modules (Spring Modulith): each talks to another
 * only through its public types, and no two depend on each other.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(OrderServiceApplication.class);

	@Test
	void hasNoCyclesAndUsesNoOtherModulesInternals() {
		this.modules.verify();
	}

}
