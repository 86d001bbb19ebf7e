package io.github.openaistarter.core;

/**
 * An error status with no dedicated exception type (for example 402 or 418).
 */
public class UnexpectedStatusException extends OpenAiApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param metadata the response metadata
	 * @param error the decoded {@code error} object
	 */
	public UnexpectedStatusException(String operation, ResponseMetadata metadata, OpenAiError error) {
		super(operation, metadata, error);
	}

}
