package io.github.openaistarter.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An error answer in OpenAI's format, {@code {"error": {"message", "type", "param",
 * "code"}}}, thrown by the endpoints and written by the router.
 */
final class ApiError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private static final String INVALID_REQUEST = "invalid_request_error";

	private final int status;

	private final String type;

	private final @Nullable String param;

	private final @Nullable String code;

	ApiError(int status, String message, String type, @Nullable String param, @Nullable String code) {
		super(message, null, false, false);
		this.status = status;
		this.type = type;
		this.param = param;
		this.code = code;
	}

	static ApiError badRequest(String message, @Nullable String param, @Nullable String code) {
		return new ApiError(400, message, INVALID_REQUEST, param, code);
	}

	/**
	 * The error OpenAI answers to a request without an API key: unlike a wrong key, it
	 * has no code.
	 * @param message the message
	 * @return the error
	 */
	static ApiError missingApiKey(String message) {
		return new ApiError(401, message, INVALID_REQUEST, null, null);
	}

	static ApiError unauthorized(String message) {
		return new ApiError(401, message, INVALID_REQUEST, null, "invalid_api_key");
	}

	static ApiError notFound(String message) {
		return new ApiError(404, message, INVALID_REQUEST, null, null);
	}

	/**
	 * The error OpenAI answers with a status, for an injected fault without a body of its
	 * own.
	 * @param status the status
	 * @return the error
	 */
	static ApiError forStatus(int status) {
		return switch (status) {
			case 400 -> badRequest("Invalid request (injected by OpenAiFakeServer).", null, null);
			case 401 -> unauthorized("Incorrect API key provided (injected by OpenAiFakeServer).");
			case 403 -> new ApiError(403, "You are not allowed to do this (injected by OpenAiFakeServer).",
					INVALID_REQUEST, null, null);
			case 404 -> notFound("The requested resource was not found (injected by OpenAiFakeServer).");
			case 409 -> new ApiError(409, "Conflict (injected by OpenAiFakeServer).", INVALID_REQUEST, null, null);
			case 429 -> new ApiError(429, "Rate limit reached for requests (injected by OpenAiFakeServer).", "requests",
					null, "rate_limit_exceeded");
			case 503 -> new ApiError(503, "The engine is currently overloaded, please try again later.", "server_error",
					null, null);
			default -> (status >= 500) ? serverError(status)
					: new ApiError(status, "Injected status " + status + ".", INVALID_REQUEST, null, null);
		};
	}

	/**
	 * The error OpenAI answers, and sends inside a failing stream, when something breaks
	 * on its side.
	 * @param status the status
	 * @return the error
	 */
	static ApiError serverError(int status) {
		return new ApiError(status, "The server had an error while processing your request. Sorry about that!",
				"server_error", null, null);
	}

	int status() {
		return this.status;
	}

	ObjectNode toJson() {
		ObjectNode body = Json.object();
		ObjectNode error = body.putObject("error");
		error.put("message", getMessage());
		error.put("type", this.type);
		error.put("param", this.param);
		error.put("code", this.code);
		return body;
	}

}
