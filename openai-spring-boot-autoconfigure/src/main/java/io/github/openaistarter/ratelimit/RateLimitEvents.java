package io.github.openaistarter.ratelimit;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * What a rate limiter tells about its decisions, for meters (the starter records them
 * with Micrometer).
 */
public interface RateLimitEvents {

	/** Tells nothing. */
	RateLimitEvents NONE = new RateLimitEvents() {
	};

	/**
	 * A call waited for room in its budget before it was sent.
	 * @param model the model
	 * @param wait how long it waited (zero when it did not)
	 */
	default void waited(String model, Duration wait) {
	}

	/**
	 * A model's budget came into use; what it holds now can be read at any time (for a
	 * gauge).
	 * @param model the model
	 * @param budget the budget
	 * @param remaining reads what the budget holds now, {@code NaN} while its limit is
	 * unknown
	 */
	default void budget(String model, Budget budget, DoubleSupplier remaining) {
	}

	/**
	 * A call was refused: its budget would not have room in time.
	 * @param model the model
	 * @param budget the budget short of room
	 */
	default void refused(String model, Budget budget) {
	}

	/**
	 * The shared budget could not be reached, and the local one decided instead.
	 * @param model the model
	 * @param cause what failed
	 */
	default void fellBack(String model, Throwable cause) {
	}

}
