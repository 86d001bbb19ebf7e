package io.github.openaistarter.core;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.http.HttpHeaders;

/**
 * Runs a call's publisher inside its {@link OpenAiCallObserver.CallObservation}: started
 * on subscription (with the subscriber's Reactor context), told each item, and ended
 * exactly once by success, error or cancellation. With no observer
 * ({@link OpenAiCallObserver#NONE}) the publisher runs as it is, without the operators
 * that would tell nobody.
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
		if (observer == OpenAiCallObserver.NONE) {
			return Mono.defer(() -> body.apply(OpenAiCallObserver.CallObservation.NONE));
		}
		return Mono.deferContextual((context) -> {
			OpenAiCallObserver.CallObservation observation = new EndedOnce(observer.start(operation, call, context));
			return body.apply(observation)
				.doOnNext(observation::item)
				.doOnSuccess((value) -> observation.success())
				.doOnError(observation::error)
				.doOnCancel(observation::cancel)
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
		if (observer == OpenAiCallObserver.NONE) {
			return Flux.defer(() -> body.apply(OpenAiCallObserver.CallObservation.NONE));
		}
		return Flux.deferContextual((context) -> {
			OpenAiCallObserver.CallObservation observation = new EndedOnce(observer.start(operation, call, context));
			return body.apply(observation)
				.doOnNext(observation::item)
				.doOnComplete(observation::success)
				.doOnError(observation::error)
				.doOnCancel(observation::cancel)
				.contextWrite(observation::contribute);
		});
	}

	/**
	 * Passes on the first end of a call only. A Mono's success is signalled with its
	 * value, so a subscriber that cancels on receiving the value (a {@code take}, a
	 * {@code flatMapMany} whose consumer stops) would otherwise end the call a second
	 * time, as cancelled.
	 */
	private static final class EndedOnce implements OpenAiCallObserver.CallObservation {

		private final OpenAiCallObserver.CallObservation delegate;

		private final AtomicBoolean ended = new AtomicBoolean();

		EndedOnce(OpenAiCallObserver.CallObservation delegate) {
			this.delegate = delegate;
		}

		@Override
		public Context contribute(Context context) {
			return this.delegate.contribute(context);
		}

		@Override
		public void headers(HttpHeaders headers) {
			this.delegate.headers(headers);
		}

		@Override
		public void retrying(int attempt, Throwable failure, Duration delay) {
			this.delegate.retrying(attempt, failure, delay);
		}

		@Override
		public void response(ResponseMetadata metadata) {
			this.delegate.response(metadata);
		}

		@Override
		public void item(Object item) {
			this.delegate.item(item);
		}

		@Override
		public void success() {
			if (this.ended.compareAndSet(false, true)) {
				this.delegate.success();
			}
		}

		@Override
		public void error(Throwable error) {
			if (this.ended.compareAndSet(false, true)) {
				this.delegate.error(error);
			}
		}

		@Override
		public void cancel() {
			if (this.ended.compareAndSet(false, true)) {
				this.delegate.cancel();
			}
		}

	}

}
