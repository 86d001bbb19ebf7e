package io.github.openaistarter.samples.chatweb;

import java.time.Duration;

import io.github.openaistarter.core.ResponseMetadata;
import org.jspecify.annotations.Nullable;

/**
 * How long one call to OpenAI took, as the app measured it, with what the response said
 * about it.
 *
 * @param call the operation, for example {@code list}
 * @param millis the time the app waited for the whole answer
 * @param firstChunkMillis for a stream, the time until its first chunk, else {@code null}
 * @param openAiMillis the time OpenAI reported spending ({@code openai-processing-ms}),
 * or {@code null}
 * @param requestId the {@code x-request-id} of the response, or {@code null}
 */
record CallTiming(String call, long millis, @Nullable Long firstChunkMillis, @Nullable Long openAiMillis,
		@Nullable String requestId) {

	/**
	 * The timing of a call that started at {@code startNanos} and has just ended.
	 * @param call the operation
	 * @param startNanos when it started ({@link System#nanoTime()})
	 * @param response the metadata of its response
	 * @return the timing
	 */
	static CallTiming since(String call, long startNanos, ResponseMetadata response) {
		return new CallTiming(call, millisSince(startNanos), null, millis(response.processingTime()),
				response.requestId());
	}

	static long millisSince(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
	}

	static @Nullable Long millis(@Nullable Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

}
