package io.github.openaistarter.core;

/**
 * HTTP 5xx: OpenAI failed or was overloaded.
 */
public class InternalServerException extends OpenAiApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param metadata the response metadata
	 * @param error the decoded {@code error} object
	 */
	public InternalServerException(String operation, ResponseMetadata metadata, OpenAiError error) {
		super(operation, metadata, error);
	}

}
