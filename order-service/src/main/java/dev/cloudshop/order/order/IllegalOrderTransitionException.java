package dev.cloudshop.order.order;

/**
 * An order was asked to move to a state it cannot reach from where it is: typically
 * because another saga step or the recovery job settled it first.
 */
public class IllegalOrderTransitionException extends IllegalStateException {

	IllegalOrderTransitionException(String message) {
		super(message);
	}

}
