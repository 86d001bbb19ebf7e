package io.github.openaistarter.core;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErrorResponses}.
 */
class ErrorResponsesTests {

	private static final String ERROR_OBJECT = """
			{"error": {"message": "The model `gpt-9` does not exist", "type": "invalid_request_error",
			"param": "model", "code": "model_not_found"}}""";

	private final ErrorResponses errorResponses = new ErrorResponses(OpenAiJson.createMapper());

	private final OpenAiCall call = OpenAiCall.builder("chat.completions.create", HttpMethod.POST, "/chat/completions")
		.query("ignored", "in messages")
		.build();

	@ParameterizedTest
	@CsvSource({ "400, BadRequestException", "401, AuthenticationException", "403, PermissionDeniedException",
			"404, NotFoundException", "409, ConflictException", "422, UnprocessableEntityException",
			"429, RateLimitException", "500, InternalServerException", "502, InternalServerException",
			"503, InternalServerException", "418, UnexpectedStatusException", "402, UnexpectedStatusException" })
	void statusMapsToExceptionType(int status, String exceptionType) {
		OpenAiApiException ex = toException(status, new HttpHeaders(), ERROR_OBJECT);
		assertThat(ex.getClass().getSimpleName()).isEqualTo(exceptionType);
		assertThat(ex.statusCode().value()).isEqualTo(status);
	}

	@Test
	void openAiErrorObjectIsDecoded() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "req_123");
		OpenAiApiException ex = toException(404, headers, ERROR_OBJECT);
		assertThat(ex).isInstanceOf(NotFoundException.class);
		assertThat(ex.error()).isEqualTo(new OpenAiError("The model `gpt-9` does not exist", "invalid_request_error",
				"model_not_found", "model"));
		assertThat(ex.errorMessage()).isEqualTo("The model `gpt-9` does not exist");
		assertThat(ex.errorType()).isEqualTo("invalid_request_error");
		assertThat(ex.errorCode()).isEqualTo("model_not_found");
		assertThat(ex.errorParam()).isEqualTo("model");
		assertThat(ex.requestId()).isEqualTo("req_123");
		assertThat(ex.headers().getFirst("x-request-id")).isEqualTo("req_123");
		assertThat(ex.metadata().requestId()).isEqualTo("req_123");
		assertThat(ex).hasMessage("POST /chat/completions failed with 404: The model `gpt-9` does not exist"
				+ " (type=invalid_request_error, code=model_not_found, param=model) [request id req_123]");
	}

	@Test
	void messageWithoutRequestIdHasNoRequestIdSuffix() {
		OpenAiApiException ex = toException(400, new HttpHeaders(), """
				{"error": {"message": "Bad", "type": "invalid_request_error"}}""");
		assertThat(ex).hasMessage("POST /chat/completions failed with 400: Bad (type=invalid_request_error)");
		assertThat(ex.requestId()).isNull();
	}

	@Test
	void numericCodeIsReadAsText() {
		OpenAiApiException ex = toException(500, new HttpHeaders(), """
				{"error": {"message": "Internal error", "type": "server_error", "code": 500, "param": null}}""");
		assertThat(ex.error()).isEqualTo(new OpenAiError("Internal error", "server_error", "500", null));
	}

	@Test
	void unknownFieldsOfTheErrorObjectAreIgnored() {
		OpenAiApiException ex = toException(429, new HttpHeaders(), """
				{"error": {"message": "Slow down", "type": "requests", "code": "rate_limit_exceeded",
				"retry_hint": {"seconds": 3}}, "extra": true}""");
		assertThat(ex.error()).isEqualTo(new OpenAiError("Slow down", "requests", "rate_limit_exceeded", null));
	}

	@Test
	void errorAsPlainStringBecomesTheMessage() {
		OpenAiApiException ex = toException(403, new HttpHeaders(), "{\"error\": \"Country not supported\"}");
		assertThat(ex).isInstanceOf(PermissionDeniedException.class);
		assertThat(ex.error()).isEqualTo(new OpenAiError("Country not supported", null, null, null));
		assertThat(ex).hasMessage("POST /chat/completions failed with 403: Country not supported");
	}

	@Test
	void htmlBodyIsQuotedAsTheMessage() {
		OpenAiApiException ex = toException(502, new HttpHeaders(),
				"\n<html><body><h1>502 Bad Gateway</h1></body></html>\n");
		assertThat(ex).isInstanceOf(InternalServerException.class);
		assertThat(ex.error())
			.isEqualTo(new OpenAiError("<html><body><h1>502 Bad Gateway</h1></body></html>", null, null, null));
		assertThat(ex)
			.hasMessage("POST /chat/completions failed with 502: <html><body><h1>502 Bad Gateway</h1></body></html>");
	}

	@Test
	void longBodyIsShortenedTo300Characters() {
		String body = "<html>" + "x".repeat(400) + "</html>";
		OpenAiApiException ex = toException(503, new HttpHeaders(), body);
		assertThat(ex.errorMessage()).isEqualTo(body.substring(0, 300) + "...");
	}

	@Test
	void jsonOfAnotherShapeIsQuotedAsTheMessage() {
		OpenAiApiException ex = toException(400, new HttpHeaders(), "{\"reason\":\"nope\"}");
		assertThat(ex.error()).isEqualTo(new OpenAiError("{\"reason\":\"nope\"}", null, null, null));
	}

	@Test
	void fastApiDetailIsTheMessage() {
		OpenAiApiException ex = toException(400, new HttpHeaders(), "{\"detail\":\"nope\"}");
		assertThat(ex.error()).isEqualTo(new OpenAiError("nope", null, null, null));
	}

	@Test
	void emptyBodyHasNoErrorDetails() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "req_empty");
		OpenAiApiException ex = toException(500, headers, "");
		assertThat(ex.error()).isSameAs(OpenAiError.NONE);
		assertThat(ex.errorMessage()).isNull();
		assertThat(ex).hasMessage("POST /chat/completions failed with 500: no error details [request id req_empty]");
	}

	@Test
	void blankBodyHasNoErrorDetails() {
		OpenAiApiException ex = toException(502, new HttpHeaders(), " \r\n ");
		assertThat(ex.error()).isSameAs(OpenAiError.NONE);
		assertThat(ex).hasMessage("POST /chat/completions failed with 502: no error details");
	}

	@Test
	void keysQuotedByTheServerAreRedactedFromTheMessage() {
		OpenAiApiException ex = toException(401, new HttpHeaders(),
				"""
						{"error": {"message": "Incorrect API key provided: sk-proj-abcd1234********wxyz. You can find your API key at https://platform.openai.com/account/api-keys.",
						"type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}""");
		assertThat(ex).isInstanceOf(AuthenticationException.class);
		assertThat(ex.getMessage()).doesNotContain("abcd1234").doesNotContain("wxyz");
		assertThat(ex).hasMessage("POST /chat/completions failed with 401: Incorrect API key provided: sk-***."
				+ " You can find your API key at https://platform.openai.com/account/api-keys."
				+ " (type=invalid_request_error, code=invalid_api_key)");
	}

	@Test
	void keysInNonJsonBodiesAreRedactedFromTheMessage() {
		OpenAiApiException ex = toException(401, new HttpHeaders(), "bad key sk-live-0123456789");
		assertThat(ex).hasMessage("POST /chat/completions failed with 401: bad key sk-***");
	}

	private OpenAiApiException toException(int status, HttpHeaders headers, String body) {
		ResponseMetadata metadata = ResponseMetadata.of(HttpStatusCode.valueOf(status), headers);
		return this.errorResponses.toException(this.call, metadata, body.getBytes(StandardCharsets.UTF_8));
	}

}
