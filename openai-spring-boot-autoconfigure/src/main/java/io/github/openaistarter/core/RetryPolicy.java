package io.github.openaistarter.core;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * When and after how long a failed call is tried again, as the official SDKs do:
 * <ul>
 * <li>retried: statuses 408, 409, 429 and 5xx, and connection failures before any
 * response byte arrived; a response header {@code x-should-retry: true|false} overrides
 * the status rule;</li>
 * <li>the wait is what the server asks ({@code retry-after-ms}, else {@code retry-after}
 * in seconds or as an HTTP date) when it is at most {@link #maxRetryAfter()}; when the
 * server asks for longer, the call fails at once rather than retrying early; without such
 * a header, exponential backoff from {@link #initialBackoff()} doubling up to
 * {@link #maxBackoff()}, each wait reduced by a random jitter of up to 25 %;</li>
 * <li>never retried: other statuses (400, 401, 403, 404, 422, ...), timeouts, a failure
 * after the response began, a stream that delivered a chunk, a full connection pool;</li>
 * <li>a call that may not be repeated safely (creating a <em>stored</em> completion,
 * which OpenAI does not deduplicate) is retried only when the request provably did not
 * take effect: 429, a refused connection, or {@code x-should-retry: true}.</li>
 * </ul>
 *
 * @param maxRetries how many times a call is retried after its first attempt; 0 turns
 * retries off
 * @param initialBackoff the first backoff wait
 * @param maxBackoff the longest backoff wait
 * @param maxRetryAfter the longest wait the server may ask for and still be honoured
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/**
	 * The SDKs' defaults: 2 retries, backoff from 0.5 s to 8 s, server-asked waits up to
	 * 60 s.
	 */
	public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8),
			Duration.ofSeconds(60));

	private static final double JITTER = 0.25;

	/**
	 * Creates a policy.
	 * @param maxRetries the retry budget
	 * @param initialBackoff the first backoff
	 * @param maxBackoff the longest backoff
	 * @param maxRetryAfter the longest honoured server wait
	 */
	public RetryPolicy {
		Assert.isTrue(maxRetries >= 0, "maxRetries must not be negative");
		Assert.isTrue(!initialBackoff.isNegative(), "initialBackoff must not be negative");
		Assert.isTrue(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must not be below initialBackoff");
		Assert.isTrue(!maxRetryAfter.isNegative(), "maxRetryAfter must not be negative");
	}

	/**
	 * A copy with another retry budget.
	 * @param maxRetries the retry budget
	 * @return the policy
	 */
	public RetryPolicy withMaxRetries(int maxRetries) {
		return new RetryPolicy(maxRetries, this.initialBackoff, this.maxBackoff, this.maxRetryAfter);
	}

	/**
	 * The wait before a retry, with a random jitter.
	 * @param retry which retry this would be: 1 for the first
	 * @param failure what the last attempt failed with
	 * @param repeatable whether the call may be repeated without a visible effect
	 * @return the wait, or {@code null} when the call must not be retried
	 */
	public @Nullable Duration delayBeforeRetry(int retry, Throwable failure, boolean repeatable) {
		return delayBeforeRetry(retry, failure, repeatable, () -> ThreadLocalRandom.current().nextDouble(),
				Clock.systemUTC());
	}

	@Nullable Duration delayBeforeRetry(int retry, Throwable failure, boolean repeatable, DoubleSupplier random, Clock clock) {
		if (retry > this.maxRetries || !isRetryable(failure, repeatable)) {
			return null;
		}
		Duration asked = (failure instanceof OpenAiApiException api) ? RetryAfter.of(api.headers(), clock) : null;
		if (asked != null) {
			return (asked.compareTo(this.maxRetryAfter) <= 0) ? asked : null;
		}
		Duration backoff = this.initialBackoff.multipliedBy(1L << Math.min(retry - 1, 30));
		if (backoff.compareTo(this.maxBackoff) > 0 || backoff.isNegative()) {
			backoff = this.maxBackoff;
		}
		return Duration.ofNanos(Math.round(backoff.toNanos() * (1 - JITTER * random.getAsDouble())));
	}

	/**
	 * Whether a failure may be retried at all, ignoring the budget.
	 * @param failure the failure
	 * @param repeatable whether the call may be repeated without a visible effect
	 * @return {@code true} if it may be retried
	 */
	public boolean isRetryable(Throwable failure, boolean repeatable) {
		if (failure instanceof OpenAiApiException api) {
			String shouldRetry = api.headers().getFirst("x-should-retry");
			if ("true".equalsIgnoreCase(shouldRetry)) {
				return true;
			}
			if ("false".equalsIgnoreCase(shouldRetry)) {
				return false;
			}
			int status = api.statusCode().value();
			return (status == 429) || (repeatable && (status == 408 || status == 409 || status >= 500));
		}
		if (failure instanceof OpenAiIoException io) {
			return io.retryable() && (repeatable || !io.requestSent());
		}
		return false;
	}

}
