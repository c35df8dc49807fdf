package dev.cloudshop.payment.chaos;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A failure the chaos settings asked for.
 */
class InjectedFaultException extends ErrorResponseException {

	InjectedFaultException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "injected-fault",
				"Injected fault", "The chaos settings of this service failed the call on purpose; nothing was changed"),
				null);
	}

}
