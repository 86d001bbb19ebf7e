package io.github.openaistarter.core;

/**
 * HTTP 404: no such completion or model (a completion is found only if it was created
 * with {@code store: true}).
 */
public class NotFoundException extends OpenAiApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param metadata the response metadata
	 * @param error the decoded {@code error} object
	 */
	public NotFoundException(String operation, ResponseMetadata metadata, OpenAiError error) {
		super(operation, metadata, error);
	}

}
