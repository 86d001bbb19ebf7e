package io.github.openaistarter.ratelimit;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.core.RateLimit;

/**
 * The request and token budgets of one model. A budget whose limit is not known yet (not
 * configured, not announced by the server) does not hold calls back. Thread-safe.
 */
final class ModelBudget {

	private @Nullable TokenBucket requests;

	private @Nullable TokenBucket tokens;

	ModelBudget(@Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute, long nowNanos) {
		this.requests = (requestsPerMinute != null) ? new TokenBucket(requestsPerMinute, nowNanos) : null;
		this.tokens = (tokensPerMinute != null) ? new TokenBucket(tokensPerMinute, nowNanos) : null;
	}

	/**
	 * Takes requests and tokens if both budgets hold them now.
	 * @return {@link Shortfall#NONE} when taken, else the budget short of room and how
	 * long until it has some
	 */
	synchronized Shortfall tryTake(long requestCount, long estimatedTokens, long nowNanos) {
		TokenBucket requests = this.requests;
		TokenBucket tokens = this.tokens;
		long requestWait = 0;
		long tokenWait = 0;
		if (requests != null) {
			requests.refill(nowNanos);
			requestWait = requests.nanosUntil(requestCount);
		}
		if (tokens != null) {
			tokens.refill(nowNanos);
			tokenWait = tokens.nanosUntil(estimatedTokens);
		}
		if (tokenWait < 0) {
			return new Shortfall(Budget.TOKENS, -1);
		}
		if (requestWait == 0 && tokenWait == 0) {
			if (requests != null) {
				requests.take(requestCount);
			}
			if (tokens != null) {
				tokens.take(estimatedTokens);
			}
			return Shortfall.NONE;
		}
		return (requestWait >= tokenWait) ? new Shortfall(Budget.REQUESTS, requestWait)
				: new Shortfall(Budget.TOKENS, tokenWait);
	}

	/** What the server announced: its limits, and what is left now. */
	synchronized void learn(RateLimit rateLimit, long nowNanos) {
		this.requests = learn(this.requests, rateLimit.limitRequests(), rateLimit.remainingRequests(), nowNanos);
		this.tokens = learn(this.tokens, rateLimit.limitTokens(), rateLimit.remainingTokens(), nowNanos);
	}

	private static @Nullable TokenBucket learn(@Nullable TokenBucket bucket, @Nullable Long limit,
			@Nullable Long remaining, long nowNanos) {
		TokenBucket learned = bucket;
		if (limit != null && limit > 0) {
			if (learned == null) {
				learned = new TokenBucket(limit, nowNanos);
			}
			else {
				learned.refill(nowNanos);
				learned.capacity(limit);
			}
		}
		if (learned != null && remaining != null) {
			learned.atMost(remaining);
		}
		return learned;
	}

	/** A call used other than its estimate. */
	synchronized void correctTokens(long estimated, long charged) {
		if (this.tokens != null) {
			this.tokens.adjust(estimated - charged);
		}
	}

	/**
	 * What a budget holds now (it refills as time passes).
	 * @return the level, or {@code NaN} when its limit is unknown
	 */
	synchronized double remaining(Budget budget, long nowNanos) {
		TokenBucket bucket = (budget == Budget.REQUESTS) ? this.requests : this.tokens;
		if (bucket == null) {
			return Double.NaN;
		}
		bucket.refill(nowNanos);
		return bucket.level();
	}

	/**
	 * The limit of a budget.
	 * @return the limit per minute, or {@code null} when unknown
	 */
	synchronized @Nullable Long limit(Budget budget) {
		TokenBucket bucket = (budget == Budget.REQUESTS) ? this.requests : this.tokens;
		return (bucket != null) ? (long) bucket.capacity() : null;
	}

	/**
	 * Which budget held a call back, and for how long.
	 *
	 * @param budget the budget short of room
	 * @param waitNanos how long until it has room; -1 if never
	 */
	record Shortfall(@Nullable Budget budget, long waitNanos) {

		static final Shortfall NONE = new Shortfall(null, 0);

		boolean granted() {
			return this.budget == null;
		}

	}

}
