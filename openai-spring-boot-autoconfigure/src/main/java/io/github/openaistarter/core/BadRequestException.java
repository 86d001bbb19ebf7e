package io.github.openaistarter.core;

/**
 * HTTP 400: the request was malformed or invalid (see {@link #errorParam()}).
 */
public class BadRequestException extends OpenAiApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param metadata the response metadata
	 * @param error the decoded {@code error} object
	 */
	public BadRequestException(String operation, ResponseMetadata metadata, OpenAiError error) {
		super(operation, metadata, error);
	}

}
