package io.github.openaistarter.ratelimit;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.core.OpenAiException;

/**
 * Thrown, before anything is sent, when a call's budget would not have room for it within
 * the longest wait allowed: the client keeps the call from adding to a 429 storm. Says
 * which budget was short and for how long.
 */
public class RateLimitBudgetException extends OpenAiException {

	private static final long serialVersionUID = 1L;

	private final String model;

	private final Budget budget;

	private final @Nullable Duration wait;

	/**
	 * Creates the exception.
	 * @param description the call, for example {@code POST /chat/completions}
	 * @param model the model whose budget was short
	 * @param budget the budget short of room
	 * @param wait how long until it would have had room, or {@code null} if never (a call
	 * over the whole limit)
	 * @param maxWait the longest wait allowed
	 */
	public RateLimitBudgetException(String description, String model, Budget budget, @Nullable Duration wait,
			Duration maxWait) {
		super(description + " was not sent: the " + budget.value() + " per minute budget of " + model
				+ ((wait != null) ? " has room again in " + wait.toMillis() + " ms, beyond the " + maxWait.toMillis()
						+ " ms a call may wait" : " is smaller than this one call"),
				null, null);
		this.model = model;
		this.budget = budget;
		this.wait = wait;
	}

	/**
	 * The model whose budget was short.
	 * @return the model
	 */
	public String model() {
		return this.model;
	}

	/**
	 * The budget short of room.
	 * @return requests or tokens
	 */
	public Budget budget() {
		return this.budget;
	}

	/**
	 * How long until the budget would have had room.
	 * @return the wait, or {@code null} if the call is larger than the whole budget
	 */
	public @Nullable Duration waitNeeded() {
		return this.wait;
	}

}
