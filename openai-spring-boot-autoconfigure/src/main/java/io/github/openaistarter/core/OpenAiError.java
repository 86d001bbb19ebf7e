package io.github.openaistarter.core;

import java.util.StringJoiner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code error} object OpenAI sends with an error status or inside a stream:
 * {@code {"error": {"message": ..., "type": ..., "param": ..., "code": ...}}}.
 *
 * <p>
 * Anything shaped like an API key in the message ({@code sk-...}, which OpenAI's 401
 * message quotes in part) is redacted as the error is created.
 *
 * @param message the human-readable message
 * @param type the error type, for example {@code invalid_request_error}
 * @param code the error code, for example {@code invalid_api_key}
 * @param param the request parameter at fault, if any
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenAiError(@JsonProperty("message") @Nullable String message,
		@JsonProperty("type") @Nullable String type, @JsonProperty("code") @Nullable String code,
		@JsonProperty("param") @Nullable String param) {

	/** An error with no details, for answers that carry no {@code error} object. */
	public static final OpenAiError NONE = new OpenAiError(null, null, null, null);

	private static final int MAX_DESCRIBED_MESSAGE = 1000;

	private static final int MAX_DESCRIBED_DETAIL = 200;

	/**
	 * Creates an error, redacting keys from the message.
	 * @param message the message
	 * @param type the type
	 * @param code the code
	 * @param param the parameter at fault
	 */
	public OpenAiError {
		message = (message != null) ? Secrets.redact(message) : null;
	}

	/**
	 * Reads the error a server put in a JSON body, in the shapes OpenAI and compatible
	 * servers use:
	 * <ul>
	 * <li>OpenAI's {@code {"error": {"message", "type", "code", "param"}}} (a numeric
	 * code as its text);</li>
	 * <li>{@code {"error": "Not Found", "message": "Cannot GET /v1/models", "status":
	 * 404}} (Express, NestJS, some gateways): the message after the error's name;</li>
	 * <li>{@code {"message": ..., "type": ..., "code": ...}} at the root (vLLM and
	 * others);</li>
	 * <li>RFC 9457 problem details, {@code {"title": ..., "detail": ...}} (Spring,
	 * ASP.NET);</li>
	 * <li>{@code {"detail": "Not Found"}} (FastAPI).</li>
	 * </ul>
	 * @param body the body's JSON tree
	 * @return the error, or {@code null} when the body has none of these shapes
	 */
	public static @Nullable OpenAiError from(JsonNode body) {
		JsonNode error = body.path("error");
		if (error.isObject()) {
			return new OpenAiError(text(error, "message"), text(error, "type"), text(error, "code"),
					text(error, "param"));
		}
		String message = text(body, "message");
		if (error.isString()) {
			return new OpenAiError((message != null) ? error.asString() + ": " + message : error.asString(), null, null,
					null);
		}
		if (message != null) {
			return new OpenAiError(message, text(body, "type"), text(body, "code"), text(body, "param"));
		}
		String title = text(body, "title");
		String detail = text(body, "detail");
		if (detail != null || title != null) {
			return new OpenAiError(
					(title != null && detail != null) ? title + ": " + detail : (detail != null) ? detail : title, null,
					null, null);
		}
		return null;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() || value.isNumber()) ? value.asString() : null;
	}

	/**
	 * Describes this error in one line, for exception messages; keys quoted by the server
	 * are redacted, and a message longer than 1,000 characters (or a detail longer than
	 * 200) is shortened, as the server decides its length; {@link #message()} keeps it
	 * whole.
	 * @return for example
	 * {@code Invalid model (type=invalid_request_error, code=model_not_found, param=model)}
	 */
	public String describe() {
		StringJoiner details = new StringJoiner(", ", " (", ")").setEmptyValue("");
		if (this.type != null) {
			details.add("type=" + shorten(this.type, MAX_DESCRIBED_DETAIL));
		}
		if (this.code != null) {
			details.add("code=" + shorten(this.code, MAX_DESCRIBED_DETAIL));
		}
		if (this.param != null) {
			details.add("param=" + shorten(this.param, MAX_DESCRIBED_DETAIL));
		}
		return ((this.message != null) ? shorten(this.message, MAX_DESCRIBED_MESSAGE) : "no error details") + details;
	}

	private static String shorten(String text, int maxLength) {
		return (text.length() > maxLength) ? text.substring(0, maxLength) + "..." : text;
	}

}
