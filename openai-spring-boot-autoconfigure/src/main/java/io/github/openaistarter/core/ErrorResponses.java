package io.github.openaistarter.core;

import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error response into the typed {@link OpenAiApiException} for its status.
 */
final class ErrorResponses {

	private static final int MAX_QUOTED_BODY = 300;

	private final JsonMapper jsonMapper;

	ErrorResponses(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	OpenAiApiException toException(OpenAiCall call, ResponseMetadata metadata, byte[] body) {
		OpenAiError error = readError(body);
		String operation = call.describe();
		return switch (metadata.status().value()) {
			case 400 -> new BadRequestException(operation, metadata, error);
			case 401 -> new AuthenticationException(operation, metadata, error);
			case 403 -> new PermissionDeniedException(operation, metadata, error);
			case 404 -> new NotFoundException(operation, metadata, error);
			case 409 -> new ConflictException(operation, metadata, error);
			case 422 -> new UnprocessableEntityException(operation, metadata, error);
			case 429 -> new RateLimitException(operation, metadata, error);
			default -> metadata.status().is5xxServerError() ? new InternalServerException(operation, metadata, error)
					: new UnexpectedStatusException(operation, metadata, error);
		};
	}

	/**
	 * Reads the error of a body ({@link OpenAiError#from}); a body of no known shape
	 * becomes the message, shortened.
	 */
	OpenAiError readError(byte[] body) {
		if (body.length == 0) {
			return OpenAiError.NONE;
		}
		try {
			OpenAiError error = OpenAiError.from(this.jsonMapper.readTree(body));
			if (error != null) {
				return error;
			}
		}
		catch (JacksonException ex) {
			// not JSON: quote the text below
		}
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.isEmpty()) {
			return OpenAiError.NONE;
		}
		return new OpenAiError((text.length() > MAX_QUOTED_BODY) ? text.substring(0, MAX_QUOTED_BODY) + "..." : text,
				null, null, null);
	}

}
