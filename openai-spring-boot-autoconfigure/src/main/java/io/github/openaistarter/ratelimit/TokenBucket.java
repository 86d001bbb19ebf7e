package io.github.openaistarter.ratelimit;

/**
 * A budget that refills continuously, as OpenAI's limits do: it holds at most
 * {@code capacity} units and gains {@code capacity} per minute. Not thread-safe:
 * {@link ModelBudget} guards it.
 */
final class TokenBucket {

	private static final double NANOS_PER_MINUTE = 60e9;

	private double capacity;

	private double level;

	private long updatedNanos;

	TokenBucket(double capacity, long nowNanos) {
		this.capacity = capacity;
		this.level = capacity;
		this.updatedNanos = nowNanos;
	}

	void refill(long nowNanos) {
		long elapsed = nowNanos - this.updatedNanos;
		if (elapsed > 0) {
			this.level = Math.min(this.capacity, this.level + elapsed * this.capacity / NANOS_PER_MINUTE);
			this.updatedNanos = nowNanos;
		}
	}

	/**
	 * How long until the bucket holds an amount.
	 * @return 0 when it holds it now, -1 when it never will (more than its capacity)
	 */
	long nanosUntil(double amount) {
		if (amount > this.capacity) {
			return -1;
		}
		if (this.level >= amount) {
			return 0;
		}
		return (long) Math.ceil((amount - this.level) * NANOS_PER_MINUTE / this.capacity);
	}

	void take(double amount) {
		this.level -= amount;
	}

	/**
	 * Gives back (or, negative, takes more): what a call really used differed from its
	 * estimate.
	 */
	void adjust(double delta) {
		this.level = Math.min(this.capacity, this.level + delta);
	}

	/** A new limit, as the server announced it; what is left keeps its share. */
	void capacity(double capacity) {
		if (capacity != this.capacity && capacity > 0) {
			this.level = this.level * capacity / this.capacity;
			this.capacity = capacity;
		}
	}

	/** What the server says is left: the bucket never holds more. */
	void atMost(double remaining) {
		this.level = Math.min(this.level, remaining);
	}

	double capacity() {
		return this.capacity;
	}

	double level() {
		return this.level;
	}

}
