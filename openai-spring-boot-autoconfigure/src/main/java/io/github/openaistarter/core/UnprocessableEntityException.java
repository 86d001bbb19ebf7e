package io.github.openaistarter.core;

/**
 * HTTP 422: the request was well-formed but could not be processed.
 */
public class UnprocessableEntityException extends OpenAiApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param metadata the response metadata
	 * @param error the decoded {@code error} object
	 */
	public UnprocessableEntityException(String operation, ResponseMetadata metadata, OpenAiError error) {
		super(operation, metadata, error);
	}

}
