package io.github.openaistarter.core;

/**
 * HTTP 403: the key may not use this model, project or region.
 */
public class PermissionDeniedException extends OpenAiApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param operation the operation that failed
	 * @param metadata the response metadata
	 * @param error the decoded {@code error} object
	 */
	public PermissionDeniedException(String operation, ResponseMetadata metadata, OpenAiError error) {
		super(operation, metadata, error);
	}

}
