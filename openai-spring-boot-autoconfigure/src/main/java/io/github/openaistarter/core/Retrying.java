package io.github.openaistarter.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Applies a {@link RetryPolicy} to the attempts of a call: waits as the policy says between attempts, and on
 * giving up fails with the last attempt's exception, which records the number of attempts made.
 */
final class Retrying {

	private static final Log logger = LogFactory.getLog(OpenAiTransport.class);

	private Retrying() {
	}

	static <T> Mono<T> mono(Mono<T> attempt, OpenAiCall call, RetryPolicy policy,
			OpenAiCallObserver.CallObservation observation) {
		return attempt.retryWhen(retry(call, policy, new AtomicBoolean(), observation));
	}

	/**
	 * Retries a stream only while it has delivered nothing: a stream that began is never replayed.
	 */
	static <T> Flux<T> flux(Flux<T> attempt, OpenAiCall call, RetryPolicy policy,
			OpenAiCallObserver.CallObservation observation) {
		return Flux.defer(() -> {
			AtomicBoolean delivered = new AtomicBoolean();
			return attempt.doOnNext((item) -> delivered.set(true))
				.retryWhen(retry(call, policy, delivered, observation));
		});
	}

	private static Retry retry(OpenAiCall call, RetryPolicy policy, AtomicBoolean delivered,
			OpenAiCallObserver.CallObservation observation) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			int attempts = (int) signal.totalRetries() + 1;
			Duration delay = delivered.get() ? null
					: policy.delayBeforeRetry(attempts, failure, call.repeatable());
			if (delay == null) {
				if (failure instanceof OpenAiException openAi) {
					openAi.attempts(attempts);
				}
				return Mono.error(failure);
			}
			observation.retrying(attempts, failure, delay);
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying " + call.describe() + " in " + delay.toMillis() + " ms after attempt " + attempts
						+ " failed: " + failure.getMessage());
			}
			return Mono.delay(delay);
		}));
	}

}
