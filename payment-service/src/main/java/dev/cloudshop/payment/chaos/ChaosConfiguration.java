package dev.cloudshop.payment.chaos;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ChaosConfiguration implements WebMvcConfigurer {

	private final FaultInjection faultInjection;

	ChaosConfiguration(FaultInjection faultInjection) {
		this.faultInjection = faultInjection;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.faultInjection);
	}

}
