package io.github.openaistarter.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Client-side rate limiting ({@code openai.rate-limit.*}): request and token budgets per
 * model, checked before each attempt of a call, kept in this instance or shared by every
 * instance through Redis.
 */
public class RateLimitProperties {

	/**
	 * Whether calls wait for room in their model's request and token budgets before they
	 * are sent.
	 */
	private boolean enabled;

	/**
	 * Requests per minute of every model without limits of its own; unset, learned from
	 * the x-ratelimit-limit-requests header of the answers.
	 */
	private @Nullable Long requestsPerMinute;

	/**
	 * Tokens per minute of every model without limits of its own; unset, learned from the
	 * x-ratelimit-limit-tokens header of the answers.
	 */
	private @Nullable Long tokensPerMinute;

	/**
	 * Limits of single models, by model name.
	 */
	private Map<String, ModelLimits> models = new LinkedHashMap<>();

	/**
	 * Longest wait for room in a budget; a call that would wait longer fails at once with
	 * a RateLimitBudgetException.
	 */
	private Duration maxWait = Duration.ofSeconds(30);

	/**
	 * Where the budgets are kept: local (this instance) or redis (every instance using
	 * the same key, through Spring Boot's Redis connection).
	 */
	private Store store = Store.LOCAL;

	/**
	 * Prefix of the Redis keys of the shared budgets.
	 */
	private String redisKeyPrefix = "openai:rate-limit";

	/**
	 * Longest wait for Redis on one acquisition; past it, the local budget decides (the
	 * instance's share of the limit).
	 */
	private Duration redisTimeout = Duration.ofMillis(250);

	/**
	 * Whether calls wait for room in their model's budgets before they are sent.
	 * @return whether rate limiting is on
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether calls wait for room in their model's budgets.
	 * @param enabled whether to
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Requests per minute of every model without limits of its own.
	 * @return the limit, or {@code null} to learn it from the answers
	 */
	public @Nullable Long getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	/**
	 * Sets the requests per minute of every model without limits of its own.
	 * @param requestsPerMinute the limit, or {@code null} to learn it
	 */
	public void setRequestsPerMinute(@Nullable Long requestsPerMinute) {
		this.requestsPerMinute = requestsPerMinute;
	}

	/**
	 * Tokens per minute of every model without limits of its own.
	 * @return the limit, or {@code null} to learn it from the answers
	 */
	public @Nullable Long getTokensPerMinute() {
		return this.tokensPerMinute;
	}

	/**
	 * Sets the tokens per minute of every model without limits of its own.
	 * @param tokensPerMinute the limit, or {@code null} to learn it
	 */
	public void setTokensPerMinute(@Nullable Long tokensPerMinute) {
		this.tokensPerMinute = tokensPerMinute;
	}

	/**
	 * Limits of single models, by model name.
	 * @return the limits
	 */
	public Map<String, ModelLimits> getModels() {
		return this.models;
	}

	/**
	 * Sets the limits of single models.
	 * @param models the limits by model name
	 */
	public void setModels(Map<String, ModelLimits> models) {
		this.models = models;
	}

	/**
	 * Longest wait for room in a budget.
	 * @return the wait
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

	/**
	 * Sets the longest wait for room in a budget.
	 * @param maxWait the wait
	 */
	public void setMaxWait(Duration maxWait) {
		this.maxWait = maxWait;
	}

	/**
	 * Where the budgets are kept.
	 * @return local or redis
	 */
	public Store getStore() {
		return this.store;
	}

	/**
	 * Sets where the budgets are kept.
	 * @param store local or redis
	 */
	public void setStore(Store store) {
		this.store = store;
	}

	/**
	 * Prefix of the Redis keys of the shared budgets.
	 * @return the prefix
	 */
	public String getRedisKeyPrefix() {
		return this.redisKeyPrefix;
	}

	/**
	 * Sets the prefix of the Redis keys of the shared budgets.
	 * @param redisKeyPrefix the prefix
	 */
	public void setRedisKeyPrefix(String redisKeyPrefix) {
		this.redisKeyPrefix = redisKeyPrefix;
	}

	/**
	 * Longest wait for Redis on one acquisition.
	 * @return the timeout
	 */
	public Duration getRedisTimeout() {
		return this.redisTimeout;
	}

	/**
	 * Sets the longest wait for Redis on one acquisition.
	 * @param redisTimeout the timeout
	 */
	public void setRedisTimeout(Duration redisTimeout) {
		this.redisTimeout = redisTimeout;
	}

	/**
	 * Where budgets are kept.
	 */
	public enum Store {

		/** In this instance. */
		LOCAL,

		/** In Redis, shared by every instance that uses the same key. */
		REDIS

	}

	/**
	 * The limits of one model.
	 */
	public static class ModelLimits {

		/**
		 * Requests per minute; unset, learned from the answers.
		 */
		private @Nullable Long requestsPerMinute;

		/**
		 * Tokens per minute; unset, learned from the answers.
		 */
		private @Nullable Long tokensPerMinute;

		/**
		 * Requests per minute.
		 * @return the limit, or {@code null} to learn it
		 */
		public @Nullable Long getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		/**
		 * Sets the requests per minute.
		 * @param requestsPerMinute the limit, or {@code null} to learn it
		 */
		public void setRequestsPerMinute(@Nullable Long requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

		/**
		 * Tokens per minute.
		 * @return the limit, or {@code null} to learn it
		 */
		public @Nullable Long getTokensPerMinute() {
			return this.tokensPerMinute;
		}

		/**
		 * Sets the tokens per minute.
		 * @param tokensPerMinute the limit, or {@code null} to learn it
		 */
		public void setTokensPerMinute(@Nullable Long tokensPerMinute) {
			this.tokensPerMinute = tokensPerMinute;
		}

	}

}
