package io.github.openaistarter.core;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import org.springframework.http.HttpHeaders;

/**
 * Sees every call the {@link OpenAiTransport} makes, from start to end, without depending
 * on how it is reported: Micrometer observations and request logging are observers. Each
 * call gets its own {@link CallObservation}, told about retries, the response, each
 * decoded item (the body, or each stream chunk) and how the call ended (success, error
 * after any retries, or cancellation).
 */
@FunctionalInterface
public interface OpenAiCallObserver {

	/** Observes nothing. */
	OpenAiCallObserver NONE = (operation, call) -> CallObservation.NONE;

	/**
	 * A call, or a walk over pages, starts.
	 * @param operation the operation's name, for example {@code chat.completions.create}
	 * @param call the HTTP call, or {@code null} for an operation made of several calls
	 * (a page walk)
	 * @return the observation of this call
	 */
	CallObservation start(String operation, @Nullable OpenAiCall call);

	/**
	 * A call starts inside a Reactor context, which may carry the observation the call
	 * belongs to: a walk over pages, or the application's own (WebFlux puts the server
	 * request's observation there). By default the context is ignored.
	 * @param operation the operation's name
	 * @param call the HTTP call, or {@code null} for an operation made of several calls
	 * @param context the Reactor context of the subscriber
	 * @return the observation of this call
	 */
	default CallObservation start(String operation, @Nullable OpenAiCall call, ContextView context) {
		return start(operation, call);
	}

	/**
	 * This observer bound to the endpoint of one transport, which calls it once when it
	 * is built: observers that describe the server or the client (Micrometer
	 * observations) return a copy that knows them; the default returns this observer.
	 * @param endpoint what the transport talks to
	 * @return the observer to use for that transport's calls
	 */
	default OpenAiCallObserver forEndpoint(OpenAiEndpoint endpoint) {
		return this;
	}

	/**
	 * Combines observers: each sees every call.
	 * @param observers the observers
	 * @return one observer telling them all
	 */
	static OpenAiCallObserver of(List<OpenAiCallObserver> observers) {
		if (observers.isEmpty()) {
			return NONE;
		}
		if (observers.size() == 1) {
			return observers.get(0);
		}
		List<OpenAiCallObserver> all = List.copyOf(observers);
		return new OpenAiCallObserver() {

			@Override
			public OpenAiCallObserver forEndpoint(OpenAiEndpoint endpoint) {
				return of(all.stream().map((observer) -> observer.forEndpoint(endpoint)).toList());
			}

			@Override
			public CallObservation start(String operation, @Nullable OpenAiCall call) {
				return new CompositeCallObservation(
						all.stream().map((observer) -> observer.start(operation, call)).toList());
			}

			@Override
			public CallObservation start(String operation, @Nullable OpenAiCall call, ContextView context) {
				return new CompositeCallObservation(
						all.stream().map((observer) -> observer.start(operation, call, context)).toList());
			}

		};
	}

	/**
	 * The observation of one call. Every method has a no-op default.
	 */
	interface CallObservation {

		/** Observes nothing. */
		CallObservation NONE = new CallObservation() {
		};

		/**
		 * Lets the observation reach code running inside the call, such as a rate
		 * limiter's or the access token supplier's observations, which then become its
		 * children.
		 * @param context the Reactor context of the call
		 * @return the context to run the call with
		 */
		default Context contribute(Context context) {
			return context;
		}

		/**
		 * An attempt is about to be sent: adds the headers this observation propagates to
		 * the server, such as the trace context. Called once per attempt.
		 * @param headers the request's headers, to add to
		 */
		default void headers(HttpHeaders headers) {
		}

		/**
		 * An attempt failed and the call will be tried again.
		 * @param attempt the number of the attempt that failed, from 1
		 * @param failure why it failed
		 * @param delay the wait before the next attempt
		 */
		default void retrying(int attempt, Throwable failure, Duration delay) {
		}

		/**
		 * The response's status and headers arrived.
		 * @param metadata the response metadata
		 */
		default void response(ResponseMetadata metadata) {
		}

		/**
		 * An item was decoded: the body of a plain call, or one stream chunk.
		 * @param item the decoded item
		 */
		default void item(Object item) {
		}

		/** The call succeeded. */
		default void success() {
		}

		/**
		 * The call failed, after any retries.
		 * @param error the failure
		 */
		default void error(Throwable error) {
		}

		/** The caller cancelled the call before it ended. */
		default void cancel() {
		}

	}

}
