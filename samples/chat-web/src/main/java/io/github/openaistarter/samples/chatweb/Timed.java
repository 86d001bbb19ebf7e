package io.github.openaistarter.samples.chatweb;

import java.util.List;

/**
 * An answer of the app's JSON API with the timing of the OpenAI calls that made it, for
 * the status strip.
 *
 * @param <T> the type of the result
 * @param result the result
 * @param timings the OpenAI calls, in the order they were made
 */
record Timed<T>(T result, List<CallTiming> timings) {

	static <T> Timed<T> of(T result, CallTiming... timings) {
		return new Timed<>(result, List.of(timings));
	}

}
