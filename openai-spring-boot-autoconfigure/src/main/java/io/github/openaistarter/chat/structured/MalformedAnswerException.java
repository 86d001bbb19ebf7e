package io.github.openaistarter.chat.structured;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.schema.TypeMismatchException;

/**
 * The answer's JSON does not fit the requested type (a server that does not enforce the
 * schema, or a type that reads differently than its schema says). {@link #path()} names
 * where.
 */
public class MalformedAnswerException extends StructuredAnswerException {

	private static final long serialVersionUID = 1L;

	private final String path;

	/**
	 * Creates the exception.
	 * @param cause the mismatch, naming the path
	 * @param requestId the {@code x-request-id} of the response, if known
	 * @param text the answer's text
	 */
	public MalformedAnswerException(TypeMismatchException cause, @Nullable String requestId, @Nullable String text) {
		super(String.valueOf(cause.getMessage()), cause, requestId, text);
		this.path = cause.path();
	}

	/**
	 * Where in the JSON the answer does not fit, for example {@code lines[2].quantity}.
	 * @return the path, empty for the root or when the JSON itself is malformed
	 */
	public String path() {
		return this.path;
	}

}
