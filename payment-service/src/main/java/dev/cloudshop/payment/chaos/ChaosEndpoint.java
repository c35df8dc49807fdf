package dev.cloudshop.payment.chaos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * {@code /actuator/chaos}: shows the chaos settings ({@code GET}), changes them
 * ({@code POST} with {@code {"latencyMs": 2000, "errorRate": 0.5}}; a field left out
 * keeps its value) and turns them off ({@code DELETE}, or a {@code POST} of zeros). Only
 * reachable on the service's own port: the gateway never routes {@code /actuator}.
 */
@Component
@Endpoint(id = "chaos")
class ChaosEndpoint {

	private final FaultInjection faultInjection;

	ChaosEndpoint(FaultInjection faultInjection) {
		this.faultInjection = faultInjection;
	}

	@ReadOperation
	ChaosSettings settings() {
		return this.faultInjection.settings();
	}

	@WriteOperation
	ChaosSettings change(@Nullable BigDecimal latencyMs, @Nullable BigDecimal errorRate) {
		ChaosSettings current = this.faultInjection.settings();
		List<Problems.FieldError> errors = new ArrayList<>();
		if (latencyMs != null && (latencyMs.signum() < 0 || latencyMs.stripTrailingZeros().scale() > 0
				|| latencyMs.compareTo(BigDecimal.valueOf(ChaosSettings.MAX_LATENCY_MS)) > 0)) {
			errors.add(new Problems.FieldError("latencyMs",
					"must be a whole number from 0 to " + ChaosSettings.MAX_LATENCY_MS));
		}
		if (errorRate != null && (errorRate.signum() < 0 || errorRate.compareTo(BigDecimal.ONE) > 0)) {
			errors.add(new Problems.FieldError("errorRate", "must be from 0.0 to 1.0"));
		}
		if (!errors.isEmpty()) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.validationFailed(errors), null);
		}
		return this.faultInjection
			.change(new ChaosSettings((latencyMs != null) ? latencyMs.longValueExact() : current.latencyMs(),
					(errorRate != null) ? errorRate.doubleValue() : current.errorRate()));
	}

	@DeleteOperation
	ChaosSettings off() {
		return this.faultInjection.change(ChaosSettings.OFF);
	}

}
