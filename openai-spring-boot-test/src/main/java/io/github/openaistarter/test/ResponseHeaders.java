package io.github.openaistarter.test;

import java.util.concurrent.TimeUnit;

import reactor.netty.http.server.HttpServerResponse;

/**
 * The headers the API sends with every answer: {@code x-request-id},
 * {@code openai-processing-ms}, {@code openai-version} and the {@code x-ratelimit-*}
 * family, whose remaining requests count down with the requests received.
 */
final class ResponseHeaders {

	static final long REQUEST_LIMIT = 10_000;

	static final long TOKEN_LIMIT = 2_000_000;

	private ResponseHeaders() {
	}

	/**
	 * Adds the headers.
	 * @param response the response
	 * @param startNanos when the request arrived ({@link System#nanoTime()})
	 * @param requestNumber how many requests were received so far, this one included
	 */
	static void add(HttpServerResponse response, long startNanos, long requestNumber) {
		long processingMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
		response.header("x-request-id", Ids.request())
			.header("openai-processing-ms", Long.toString(processingMs))
			.header("openai-version", "2020-10-01")
			.header("x-ratelimit-limit-requests", Long.toString(REQUEST_LIMIT))
			.header("x-ratelimit-remaining-requests", Long.toString(Math.max(0, REQUEST_LIMIT - requestNumber)))
			.header("x-ratelimit-reset-requests", "6ms")
			.header("x-ratelimit-limit-tokens", Long.toString(TOKEN_LIMIT))
			.header("x-ratelimit-remaining-tokens", Long.toString(TOKEN_LIMIT - 10))
			.header("x-ratelimit-reset-tokens", "0s");
	}

}
