package dev.cloudshop.order.resilience;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;

/**
 * Guards the calls to one dependency: retries outermost, then the circuit breaker, then
 * the bulkhead, as Resilience4j recommends. A 4xx answer is the dependency's business
 * answer, not a failure: it passes through and never opens the circuit.
 */
public final class CallPolicy {

	private final String dependency;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	private final Retry retry;

	CallPolicy(String dependency, CircuitBreaker circuitBreaker, Bulkhead bulkhead, Retry retry) {
		this.dependency = dependency;
		this.circuitBreaker = circuitBreaker;
		this.bulkhead = bulkhead;
		this.retry = retry;
	}

	/**
	 * Calls an idempotent operation, retrying a failure with backoff and jitter.
	 * @throws DependencyUnavailableException when the call surely had no effect
	 * @throws OutcomeUnknownException when it may have had one
	 * @throws HttpClientErrorException the dependency's own 4xx answer
	 */
	public <T> T call(Supplier<T> operation) {
		// An attempt that may have reached the dependency makes the whole call uncertain,
		// even if a later attempt is refused before it leaves (an open circuit, a full
		// bulkhead): the first one may have done its work.
		AtomicBoolean mayHaveTakenEffect = new AtomicBoolean();
		Supplier<T> attempt = () -> {
			try {
				return operation.get();
			}
			catch (RuntimeException ex) {
				if (mayHaveTakenEffect(ex)) {
					mayHaveTakenEffect.set(true);
				}
				throw ex;
			}
		};
		try {
			return translate(Retry.decorateSupplier(this.retry, guarded(attempt)));
		}
		catch (DependencyUnavailableException ex) {
			if (mayHaveTakenEffect.get()) {
				throw new OutcomeUnknownException(this.dependency, ex);
			}
			throw ex;
		}
	}

	/**
	 * Calls an operation once: for calls whose timeout must be seen, not hidden by
	 * retries.
	 */
	public <T> T callOnce(Supplier<T> operation) {
		return translate(guarded(operation));
	}

	private <T> Supplier<T> guarded(Supplier<T> operation) {
		return CircuitBreaker.decorateSupplier(this.circuitBreaker,
				Bulkhead.decorateSupplier(this.bulkhead, operation));
	}

	private <T> T translate(Supplier<T> guarded) {
		try {
			return guarded.get();
		}
		catch (CallNotPermittedException | BulkheadFullException ex) {
			throw new DependencyUnavailableException(this.dependency, ex);
		}
		catch (ResourceAccessException ex) {
			if (neverReached(ex)) {
				throw new DependencyUnavailableException(this.dependency, ex);
			}
			throw new OutcomeUnknownException(this.dependency, ex);
		}
		catch (HttpServerErrorException.ServiceUnavailable ex) {
			// No instance in the registry, or the service refusing work: nothing was
			// done.
			throw new DependencyUnavailableException(this.dependency, ex);
		}
		catch (HttpServerErrorException ex) {
			throw new OutcomeUnknownException(this.dependency, ex);
		}
		catch (HttpClientErrorException ex) {
			// The dependency's own answer: the caller decides what it means.
			throw ex;
		}
		catch (RestClientException ex) {
			// Anything else went wrong on the way: an answer cut off or too slow while
			// its
			// body was read, an unreadable body. The request may have had its effect.
			if (neverReached(ex)) {
				throw new DependencyUnavailableException(this.dependency, ex);
			}
			throw new OutcomeUnknownException(this.dependency, ex);
		}
		catch (IllegalStateException ex) {
			// The load balancer found no instance of the service at all.
			if (String.valueOf(ex.getMessage()).contains("No instances available")) {
				throw new DependencyUnavailableException(this.dependency, ex);
			}
			throw ex;
		}
	}

	/**
	 * Whether the request surely never reached the dependency: refused or unroutable
	 * connections, or a connect timeout. A read timeout means it may have.
	 */
	static boolean neverReached(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
					|| cause instanceof HttpConnectTimeoutException) {
				return true;
			}
			if (cause instanceof SocketTimeoutException timeout
					&& String.valueOf(timeout.getMessage()).toLowerCase().contains("connect")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a failed attempt may still have had its effect: it reached the dependency
	 * (or may have), and no answer says it did nothing.
	 */
	static boolean mayHaveTakenEffect(Throwable failure) {
		if (failure instanceof HttpClientErrorException
				|| failure instanceof HttpServerErrorException.ServiceUnavailable) {
			return false;
		}
		return (failure instanceof RestClientException) && !neverReached(failure);
	}

	/**
	 * Whether a failure is worth another attempt: not a business answer, not an open
	 * circuit or a full bulkhead.
	 */
	static boolean isTransient(Throwable failure) {
		return (failure instanceof RestClientException) && !(failure instanceof HttpClientErrorException);
	}

}
