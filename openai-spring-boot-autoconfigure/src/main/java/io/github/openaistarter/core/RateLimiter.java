package io.github.openaistarter.core;

import reactor.core.publisher.Mono;

/**
 * Admits each attempt of a call against a budget before it is sent (see
 * {@code io.github.openaistarter.ratelimit}). The transport asks once per attempt, so a
 * retry takes budget like any call, and tells the permit what came back, so that the
 * budget learns the server's limits and the tokens really used.
 */
@FunctionalInterface
public interface RateLimiter {

	/**
	 * Waits until the call's budget allows one more attempt. Waiting never blocks a
	 * thread, and ends when the returned {@code Mono} is cancelled.
	 * @param call the call about to be sent
	 * @return the permit, or an error (an {@link OpenAiException} of the limiter's) when
	 * the budget would not allow it in time
	 */
	Mono<Permit> acquire(OpenAiCall call);

	/**
	 * The right to send one attempt, told what came back.
	 */
	interface Permit {

		/** A permit that learns nothing. */
		Permit NONE = new Permit() {
		};

		/**
		 * The response's status and headers arrived ({@code x-ratelimit-*} among them).
		 * @param metadata the response's metadata
		 */
		default void answered(ResponseMetadata metadata) {
		}

		/**
		 * A decoded answer, or one chunk of a stream, arrived.
		 * @param item the decoded body or chunk
		 */
		default void item(Object item) {
		}

	}

}
