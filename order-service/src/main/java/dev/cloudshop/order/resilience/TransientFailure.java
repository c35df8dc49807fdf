package dev.cloudshop.order.resilience;

import java.util.function.Predicate;

/**
 * Which failures the retries of application.yml try again: those worth another attempt
 * ({@link CallPolicy#isTransient}), not a dependency's own 4xx answer.
 */
public class TransientFailure implements Predicate<Throwable> {

	@Override
	public boolean test(Throwable failure) {
		return CallPolicy.isTransient(failure);
	}

}
