package io.github.openaistarter.schema;

/**
 * JSON that does not fit the Java type it was read into: a missing or mistyped property,
 * a value out of an enum, malformed or cut-off JSON.
 */
public class TypeMismatchException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String path;

	/**
	 * Creates the exception.
	 * @param path where in the JSON it went wrong, for example {@code lines[2].quantity};
	 * empty for the root
	 * @param message what went wrong, naming the path
	 * @param cause the parser's failure
	 */
	public TypeMismatchException(String path, String message, Throwable cause) {
		super(message, cause);
		this.path = path;
	}

	/**
	 * Where in the JSON it went wrong, for example {@code lines[2].quantity}.
	 * @return the path, empty for the root
	 */
	public String path() {
		return this.path;
	}

}
