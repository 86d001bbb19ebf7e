package io.github.openaistarter.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a {@link RetryPolicy} to the attempts of a call: waits as the policy says
 * between attempts, and on giving up fails with the last attempt's exception, which
 * records the number of attempts made.
 *
 * <p>
 * Each attempt resumes its own failure with the next attempt ({@code onErrorResume})
 * rather than going through {@code retryWhen}, whose companion publisher costs every call
 * an extra subscription, a sink and a queue even when nothing fails.
 */
final class Retrying {

	private static final Log logger = LogFactory.getLog(OpenAiTransport.class);

	private Retrying() {
	}

	static <T> Mono<T> mono(Mono<T> attempt, OpenAiCall call, RetryPolicy policy,
			OpenAiCallObserver.CallObservation observation) {
		return mono(attempt, 1, call, policy, observation);
	}

	private static <T> Mono<T> mono(Mono<T> attempt, int number, OpenAiCall call, RetryPolicy policy,
			OpenAiCallObserver.CallObservation observation) {
		return attempt.onErrorResume((failure) -> {
			Duration delay = delay(failure, number, false, call, policy, observation);
			return (delay != null)
					? Mono.delay(delay).then(Mono.defer(() -> mono(attempt, number + 1, call, policy, observation)))
					: Mono.error(failure);
		});
	}

	/**
	 * Retries a stream only while it has delivered nothing: a stream that began is never
	 * replayed.
	 */
	static <T> Flux<T> flux(Flux<T> attempt, OpenAiCall call, RetryPolicy policy,
			OpenAiCallObserver.CallObservation observation) {
		return Flux.defer(() -> {
			AtomicBoolean delivered = new AtomicBoolean();
			return flux(attempt.doOnNext((item) -> delivered.set(true)), 1, delivered, call, policy, observation);
		});
	}

	private static <T> Flux<T> flux(Flux<T> attempt, int number, AtomicBoolean delivered, OpenAiCall call,
			RetryPolicy policy, OpenAiCallObserver.CallObservation observation) {
		return attempt.onErrorResume((failure) -> {
			Duration delay = delay(failure, number, delivered.get(), call, policy, observation);
			return (delay != null)
					? Mono.delay(delay)
						.thenMany(Flux.defer(() -> flux(attempt, number + 1, delivered, call, policy, observation)))
					: Flux.error(failure);
		});
	}

	/**
	 * The wait before the next attempt, or {@code null} to give up, recording the
	 * attempts made on the failure.
	 * @param failure what attempt {@code number} failed with
	 * @param number the attempt that failed, from 1
	 * @param delivered whether the attempt delivered items already (a stream that began)
	 */
	private static @Nullable Duration delay(Throwable failure, int number, boolean delivered, OpenAiCall call,
			RetryPolicy policy, OpenAiCallObserver.CallObservation observation) {
		Duration delay = delivered ? null : policy.delayBeforeRetry(number, failure, call.repeatable());
		if (delay == null) {
			if (failure instanceof OpenAiException openAi) {
				openAi.attempts(number);
			}
			return null;
		}
		observation.retrying(number, failure, delay);
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying " + call.describe() + " in " + delay.toMillis() + " ms after attempt " + number
					+ " failed: " + failure.getMessage());
		}
		return delay;
	}

}
