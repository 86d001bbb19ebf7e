package io.github.openaistarter.core;

/**
 * HTTP 429: rate limit or quota exceeded; see {@link #metadata()} for the
 * {@code retry-after} and rate-limit headers.
 */
public class RateLimitException extends OpenAiApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param metadata the response metadata
	 * @param error the decoded {@code error} object
	 */
	public RateLimitException(String operation, ResponseMetadata metadata, OpenAiError error) {
		super(operation, metadata, error);
	}

}
