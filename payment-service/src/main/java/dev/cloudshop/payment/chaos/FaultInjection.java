package dev.cloudshop.payment.chaos;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Holds the chaos settings and applies them to every {@link FaultInjected} handler before
 * it runs: first the latency, then, at the error rate, a 503.
 */
@Component
class FaultInjection implements HandlerInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(FaultInjection.class);

	private final AtomicReference<ChaosSettings> settings = new AtomicReference<>(ChaosSettings.OFF);

	ChaosSettings settings() {
		return this.settings.get();
	}

	ChaosSettings change(ChaosSettings settings) {
		ChaosSettings previous = this.settings.getAndSet(settings);
		if (!previous.equals(settings)) {
			logger.warn("Chaos settings changed to latency {} ms, error rate {}", settings.latencyMs(),
					settings.errorRate());
		}
		return settings;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(FaultInjected.class)) {
			inject(this.settings.get());
		}
		return true;
	}

	private static void inject(ChaosSettings settings) {
		if (settings.latencyMs() > 0) {
			try {
				Thread.sleep(settings.latencyMs());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InjectedFaultException();
			}
		}
		if (settings.errorRate() > 0.0 && ThreadLocalRandom.current().nextDouble() < settings.errorRate()) {
			throw new InjectedFaultException();
		}
	}

}
