package io.github.openaistarter.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * What an OpenAI response says besides its body: status, headers, request id, processing
 * time and rate limits.
 *
 * @param status the HTTP status
 * @param headers the response headers (read-only)
 * @param requestId the {@code x-request-id} header, to quote to OpenAI support
 * @param processingTime the {@code openai-processing-ms} header: time OpenAI spent on the
 * request
 * @param rateLimit the parsed {@code x-ratelimit-*} headers
 */
public record ResponseMetadata(HttpStatusCode status, HttpHeaders headers, @Nullable String requestId,
		@Nullable Duration processingTime, RateLimit rateLimit) {

	/**
	 * Reads the metadata of a response.
	 * @param status the HTTP status
	 * @param headers the response headers
	 * @return the metadata
	 */
	public static ResponseMetadata of(HttpStatusCode status, HttpHeaders headers) {
		HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(headers);
		return new ResponseMetadata(status, readOnly, readOnly.getFirst("x-request-id"), processingTime(readOnly),
				RateLimit.from(readOnly));
	}

	private static @Nullable Duration processingTime(HttpHeaders headers) {
		String value = headers.getFirst("openai-processing-ms");
		if (value == null) {
			return null;
		}
		try {
			return Duration.ofNanos(Math.round(Double.parseDouble(value.trim()) * 1e6));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
