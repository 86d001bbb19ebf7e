package io.github.openaistarter.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a call's publisher inside its {@link OpenAiCallObserver.CallObservation}: started on subscription, told
 * each item, and ended exactly once by success, error or cancellation.
 */
public final class Observed {

	private Observed() {
	}

	/**
	 * Observes a single-result call.
	 * @param <T> the result type
	 * @param observer the observer
	 * @param operation the operation name
	 * @param call the HTTP call, or {@code null} for a composite operation
	 * @param body the call, given its observation
	 * @return the observed call
	 */
	public static <T> Mono<T> mono(OpenAiCallObserver observer, String operation, @Nullable OpenAiCall call,
			Function<OpenAiCallObserver.CallObservation, Mono<T>> body) {
		return Mono.defer(() -> {
			OpenAiCallObserver.CallObservation observation = observer.start(operation, call);
			Ending ending = new Ending(observation);
			return body.apply(observation)
				.doOnNext(observation::item)
				.doOnSuccess((value) -> ending.success())
				.doOnError(ending::error)
				.doOnCancel(ending::cancel)
				.contextWrite(observation::contribute);
		});
	}

	/**
	 * Observes a multi-item call: a stream, or a walk over pages.
	 * @param <T> the item type
	 * @param observer the observer
	 * @param operation the operation name
	 * @param call the HTTP call, or {@code null} for a composite operation
	 * @param body the call, given its observation
	 * @return the observed call
	 */
	public static <T> Flux<T> flux(OpenAiCallObserver observer, String operation, @Nullable OpenAiCall call,
			Function<OpenAiCallObserver.CallObservation, Flux<T>> body) {
		return Flux.defer(() -> {
			OpenAiCallObserver.CallObservation observation = observer.start(operation, call);
			Ending ending = new Ending(observation);
			return body.apply(observation)
				.doOnNext(observation::item)
				.doOnComplete(ending::success)
				.doOnError(ending::error)
				.doOnCancel(ending::cancel)
				.contextWrite(observation::contribute);
		});
	}

	/**
	 * Ends an observation once: Reactor may signal a cancellation after completion (a blocking consumer that
	 * closes its stream after reading the end), which must not end it a second time.
	 */
	private static final class Ending {

		private final OpenAiCallObserver.CallObservation observation;

		private final AtomicBoolean ended = new AtomicBoolean();

		Ending(OpenAiCallObserver.CallObservation observation) {
			this.observation = observation;
		}

		void success() {
			if (this.ended.compareAndSet(false, true)) {
				this.observation.success();
			}
		}

		void error(Throwable error) {
			if (this.ended.compareAndSet(false, true)) {
				this.observation.error(error);
			}
		}

		void cancel() {
			if (this.ended.compareAndSet(false, true)) {
				this.observation.cancel();
			}
		}

	}

}
