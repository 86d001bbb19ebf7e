package io.github.openaistarter.autoconfigure;

import java.time.Duration;

import io.github.openaistarter.core.RetryPolicy;

/**
 * Retries of failed calls ({@code openai.retry.*}). See {@link RetryPolicy} for which
 * failures are retried.
 */
public class RetryProperties {

	/**
	 * How many times a failed call is retried after its first attempt; 0 turns retries
	 * off.
	 */
	private int maxRetries = 2;

	/**
	 * First backoff wait, doubling on each retry.
	 */
	private Duration initialBackoff = Duration.ofMillis(500);

	/**
	 * Longest backoff wait.
	 */
	private Duration maxBackoff = Duration.ofSeconds(8);

	/**
	 * Longest wait a server may ask for with retry-after or retry-after-ms and still be
	 * honoured; a longer one fails the call at once.
	 */
	private Duration maxRetryAfter = Duration.ofSeconds(60);

	/**
	 * Whether a create with store: true is retried like any create after a 5xx or a reset
	 * connection, at the risk of a duplicate stored completion; false retries it only
	 * when it surely did not reach OpenAI.
	 */
	private boolean storedCreates = true;

	/**
	 * Whether a create with {@code store: true} is retried like any create.
	 * @return whether it is
	 */
	public boolean isStoredCreates() {
		return this.storedCreates;
	}

	/**
	 * Sets whether a create with {@code store: true} is retried like any create.
	 * @param storedCreates whether it is
	 */
	public void setStoredCreates(boolean storedCreates) {
		this.storedCreates = storedCreates;
	}

	/**
	 * The policy these properties describe.
	 * @return the retry policy
	 */
	public RetryPolicy toPolicy() {
		return new RetryPolicy(this.maxRetries, this.initialBackoff, this.maxBackoff, this.maxRetryAfter);
	}

	/**
	 * How many times a failed call is retried.
	 * @return the retry budget
	 */
	public int getMaxRetries() {
		return this.maxRetries;
	}

	/**
	 * Sets how many times a failed call is retried.
	 * @param maxRetries the retry budget
	 */
	public void setMaxRetries(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	/**
	 * First backoff wait.
	 * @return the initial backoff
	 */
	public Duration getInitialBackoff() {
		return this.initialBackoff;
	}

	/**
	 * Sets the first backoff wait.
	 * @param initialBackoff the initial backoff
	 */
	public void setInitialBackoff(Duration initialBackoff) {
		this.initialBackoff = initialBackoff;
	}

	/**
	 * Longest backoff wait.
	 * @return the maximum backoff
	 */
	public Duration getMaxBackoff() {
		return this.maxBackoff;
	}

	/**
	 * Sets the longest backoff wait.
	 * @param maxBackoff the maximum backoff
	 */
	public void setMaxBackoff(Duration maxBackoff) {
		this.maxBackoff = maxBackoff;
	}

	/**
	 * Longest server-asked wait that is honoured.
	 * @return the cap
	 */
	public Duration getMaxRetryAfter() {
		return this.maxRetryAfter;
	}

	/**
	 * Sets the longest server-asked wait that is honoured.
	 * @param maxRetryAfter the cap
	 */
	public void setMaxRetryAfter(Duration maxRetryAfter) {
		this.maxRetryAfter = maxRetryAfter;
	}

}
