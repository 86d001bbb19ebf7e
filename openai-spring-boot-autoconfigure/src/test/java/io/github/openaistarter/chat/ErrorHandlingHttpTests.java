package io.github.openaistarter.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.AuthenticationException;
import io.github.openaistarter.core.BadRequestException;
import io.github.openaistarter.core.ConflictException;
import io.github.openaistarter.core.InternalServerException;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.core.OpenAiApiException;
import io.github.openaistarter.core.OpenAiDecodingException;
import io.github.openaistarter.core.OpenAiIoException;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.OpenAiTimeoutException;
import io.github.openaistarter.core.PermissionDeniedException;
import io.github.openaistarter.core.RateLimit;
import io.github.openaistarter.core.RateLimitException;
import io.github.openaistarter.core.ResponseMetadata;
import io.github.openaistarter.core.UnexpectedStatusException;
import io.github.openaistarter.core.UnprocessableEntityException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failures over HTTP: error statuses, unreadable and cut answers, I/O failures and
 * timeouts, each becoming its typed exception without leaking the API key; and the
 * response metadata of successful calls.
 */
@Timeout(10)
class ErrorHandlingHttpTests extends HttpTestSupport {

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4.1",
			List.of(ChatMessage.user("Hello!")));

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("errorStatuses")
	void errorStatusBecomesTypedExceptionInBothFlavours(int status, Class<? extends OpenAiApiException> type,
			String message, String errorType, String code, String param) {
		String body = errorBody(message, errorType, code, param);
		enqueue(jsonResponse(status, body).setHeader("x-request-id", "req_err_" + status).build());
		enqueue(jsonResponse(status, body).setHeader("x-request-id", "req_err_" + status).build());

		assertThatExceptionOfType(type).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> assertApiException(ex, status, message, errorType, code, param));
		StepVerifier.create(this.reactive.create(HELLO))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(type)
				.satisfies(
						(api) -> assertApiException((OpenAiApiException) api, status, message, errorType, code, param)))
			.verify();
	}

	static Stream<Arguments> errorStatuses() {
		return Stream.of(
				Arguments.of(400, BadRequestException.class, "Invalid value for 'temperature': expected a number <= 2.",
						"invalid_request_error", "invalid_value", "temperature"),
				Arguments.of(401, AuthenticationException.class, "Incorrect API key provided: sk-test-123.",
						"invalid_request_error", "invalid_api_key", null),
				Arguments.of(403, PermissionDeniedException.class, "Country, region, or territory not supported",
						"request_forbidden", "unsupported_country_region_territory", null),
				Arguments.of(404, NotFoundException.class,
						"The model `gpt-9` does not exist or you do not have access to it.", "invalid_request_error",
						"model_not_found", "model"),
				Arguments.of(409, ConflictException.class, "Another update of this completion is in progress.",
						"invalid_request_error", "conflict", null),
				Arguments.of(422, UnprocessableEntityException.class, "Unprocessable entity.", "invalid_request_error",
						null, "messages"),
				Arguments.of(429, RateLimitException.class,
						"Rate limit reached for gpt-4.1 on requests per min (RPM): Limit 500, Used 500, Requested 1.",
						"requests", "rate_limit_exceeded", null),
				Arguments.of(500, InternalServerException.class,
						"The server had an error while processing your request. Sorry about that!", "server_error",
						null, null),
				Arguments.of(503, InternalServerException.class,
						"The engine is currently overloaded, please try again later.", "server_error",
						"engine_overloaded", null),
				Arguments.of(418, UnexpectedStatusException.class, "I'm a teapot.", "teapot_error", "short_and_stout",
						null));
	}

	@Test
	void errorMessageNamesOperationStatusDetailsAndRequestId() {
		enqueue(jsonResponse(404,
				errorBody("No chat completion found with id 'chatcmpl-gone'.", "invalid_request_error", null, null))
			.setHeader("x-request-id", "req_404")
			.build());

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.retrieve("chatcmpl-gone"))
			.withMessage("GET /chat/completions/chatcmpl-gone failed with 404: No chat completion found with id"
					+ " 'chatcmpl-gone'. (type=invalid_request_error) [request id req_404]");
	}

	@Test
	void rateLimitExceptionCarriesRetryHeaders() {
		enqueue(jsonResponse(429, errorBody("Rate limit reached.", "tokens", "rate_limit_exceeded", null))
			.addHeader("retry-after", "20")
			.addHeader("retry-after-ms", "19850")
			.addHeader("x-ratelimit-remaining-tokens", "0")
			.addHeader("x-ratelimit-reset-tokens", "19.85s")
			.build());

		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.headers().getFirst("retry-after")).isEqualTo("20");
				assertThat(ex.headers().getFirst("retry-after-ms")).isEqualTo("19850");
				assertThat(ex.metadata().rateLimit().remainingTokens()).isZero();
				assertThat(ex.metadata().rateLimit().resetTokens()).isEqualTo(Duration.ofMillis(19850));
			});
	}

	@Test
	void errorStatusOfStreamIsTheSameTypedException() {
		String body = errorBody("Rate limit reached.", "requests", "rate_limit_exceeded", null);
		enqueue(jsonResponse(429, body).build());
		enqueue(jsonResponse(429, body).build());

		StepVerifier.create(this.reactive.stream(HELLO))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(RateLimitException.class)
				.hasMessage("POST /chat/completions failed with 429: Rate limit reached. (type=requests,"
						+ " code=rate_limit_exceeded) [request id req_test_1]"))
			.verify();
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> this.chat.stream(HELLO, (chunk) -> {
		})).satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo("rate_limit_exceeded"));
	}

	@Test
	void htmlErrorBodyStillGivesUsefulMessage() {
		String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
				+ "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n";
		enqueue(new MockResponse.Builder().code(502)
			.addHeader("Content-Type", "text/html")
			.addHeader("x-request-id", "req_502")
			.body(html)
			.build());

		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.statusCode().value()).isEqualTo(502);
				assertThat(ex.errorMessage()).isEqualTo(html.strip());
				assertThat(ex.errorType()).isNull();
				assertThat(ex.errorCode()).isNull();
				assertThat(ex.requestId()).isEqualTo("req_502");
				assertThat(ex.getMessage()).startsWith("POST /chat/completions failed with 502: <html>")
					.contains("<title>502 Bad Gateway</title>")
					.endsWith("[request id req_502]");
			});
	}

	@Test
	void longNonJsonErrorBodyIsShortenedInMessage() {
		String text = "upstream connect error or disconnect/reset before headers. ".repeat(20);
		enqueue(new MockResponse.Builder().code(503).body(text).build());

		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.errorMessage()).hasSize(303).isEqualTo(text.substring(0, 300) + "...");
				assertThat(ex.requestId()).isNull();
				assertThat(ex.getMessage()).doesNotContain("[request id");
			});
	}

	@Test
	void errorWithoutBodySaysSo() {
		enqueue(new MockResponse.Builder().code(404).addHeader("x-request-id", "req_empty").build());

		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.delete("chatcmpl-gone"))
			.withMessage(
					"DELETE /chat/completions/chatcmpl-gone failed with 404: no error details [request id req_empty]");
	}

	@Test
	void keyQuotedByServerIsRedactedInMessage() {
		String message = "Incorrect API key provided: sk-proj-abc123XYZ. You can find your API key at"
				+ " https://platform.openai.com/account/api-keys.";
		enqueue(jsonResponse(401, errorBody(message, "invalid_request_error", "invalid_api_key", null)).build());

		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).isEqualTo("POST /chat/completions failed with 401: Incorrect API key"
						+ " provided: sk-***. You can find your API key at https://platform.openai.com/account/api-keys."
						+ " (type=invalid_request_error, code=invalid_api_key) [request id req_test_1]");
				assertThat(ex.getMessage()).doesNotContain("abc123XYZ");
				assertNoApiKeyIn(ex);
			});
	}

	@Test
	void connectionRefusedBecomesIoException() {
		this.server.close();

		assertThatExceptionOfType(OpenAiIoException.class).isThrownBy(() -> this.chat.create(HELLO)).satisfies((ex) -> {
			assertThat(ex.getMessage()).startsWith("POST /chat/completions failed to connect: ")
				.containsIgnoringCase("refused");
			assertThat(ex.stage()).isEqualTo(OpenAiIoException.Stage.CONNECTING);
			assertThat(ex.requestSent()).isFalse();
			assertThat(ex.requestId()).isNull();
			assertThat(ex.getCause()).isNotNull();
			assertNoApiKeyIn(ex);
		});
		StepVerifier.create(this.reactive.retrieve("chatcmpl-abc123"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(OpenAiIoException.class)
				.hasMessageStartingWith("GET /chat/completions/chatcmpl-abc123 failed to connect: "))
			.verify();
	}

	@Test
	void connectionDroppedDuringBodyBecomesIoException() {
		enqueue(jsonResponse(200, fixture("chat-completion.json"))
			.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
			.build());

		assertThatExceptionOfType(OpenAiIoException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies(ErrorHandlingHttpTests::assertNoApiKeyIn);
	}

	@Test
	void delayedBodyTimesOutWithTimeoutException() {
		useClient(transport().responseTimeout(Duration.ofMillis(300)).build(), Map.of());
		enqueue(jsonResponse(200, fixture("chat-completion.json")).bodyDelay(5, TimeUnit.SECONDS).build());

		long start = System.nanoTime();
		assertThatExceptionOfType(OpenAiTimeoutException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.timeout()).isEqualTo(Duration.ofMillis(300));
				assertThat(ex.getMessage())
					.isEqualTo("POST /chat/completions timed out: no complete answer within PT0.3S");
				assertNoApiKeyIn(ex);
			});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void reactiveDelayedHeadersTimeOutWithTimeoutException() {
		useClient(transport().responseTimeout(Duration.ofMillis(300)).build(), Map.of());
		enqueue(jsonResponse(200, fixture("chat-completion.json")).headersDelay(5, TimeUnit.SECONDS).build());

		StepVerifier.create(this.reactive.create(HELLO))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(OpenAiTimeoutException.class)
				.hasMessage("POST /chat/completions timed out: no complete answer within PT0.3S"))
			.verify(Duration.ofSeconds(3));
	}

	@Test
	void streamWithoutFirstChunkTimesOutWithResponseTimeout() {
		useClient(transport().responseTimeout(Duration.ofMillis(300)).build(), Map.of());
		enqueue(eventStream(fixture("stream-text.sse")).headersDelay(5, TimeUnit.SECONDS).build());

		StepVerifier.create(this.reactive.stream(HELLO)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiTimeoutException.class)
				.hasMessage("POST /chat/completions timed out: no stream chunk within PT0.3S");
			assertThat(((OpenAiTimeoutException) ex).timeout()).isEqualTo(Duration.ofMillis(300));
		}).verify(Duration.ofSeconds(3));
	}

	@Test
	void stalledStreamTimesOutWithIdleTimeout() {
		useClient(transport().streamIdleTimeout(Duration.ofMillis(300)).build(), Map.of());
		enqueueEventStream(StallingBody.silentAfter(ONCE_CHUNK_EVENT));

		StepVerifier.create(this.reactive.stream(HELLO))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Once"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(OpenAiTimeoutException.class)
					.hasMessage("POST /chat/completions timed out: the stream was idle for PT0.3S");
				assertThat(((OpenAiTimeoutException) ex).timeout()).isEqualTo(Duration.ofMillis(300));
				assertNoApiKeyIn(ex);
			})
			.verify(Duration.ofSeconds(3));
	}

	@Test
	void stalledBlockingStreamTimesOutAfterDeliveredChunks() {
		useClient(transport().streamIdleTimeout(Duration.ofMillis(300)).build(), Map.of());
		enqueueEventStream(StallingBody.silentAfter(ONCE_CHUNK_EVENT));
		List<String> texts = new ArrayList<>();

		assertThatExceptionOfType(OpenAiTimeoutException.class)
			.isThrownBy(() -> this.chat.stream(HELLO, (chunk) -> texts.add(chunk.text())))
			.withMessage("POST /chat/completions timed out: the stream was idle for PT0.3S");
		assertThat(texts).containsExactly("Once");
	}

	@Test
	void cutOffJsonBodyBecomesDecodingException() {
		enqueue(jsonResponse(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choi").build());

		assertThatExceptionOfType(OpenAiDecodingException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.getMessage())
					.startsWith("Could not read the answer of POST /chat/completions as ChatCompletion: ");
				assertThat(ex.requestId()).isEqualTo("req_test_1");
				assertNoApiKeyIn(ex);
			});
	}

	@Test
	void emptySuccessBodyBecomesDecodingException() {
		enqueue(new MockResponse.Builder().code(200).addHeader("x-request-id", "req_empty").build());

		StepVerifier.create(this.reactive.retrieve("chatcmpl-abc123"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(OpenAiDecodingException.class)
				.hasMessage("GET /chat/completions/chatcmpl-abc123 answered 200 with an empty body"))
			.verify();
	}

	@Test
	void withResponseExposesRequestIdProcessingTimeAndRateLimits() {
		enqueue(withRateLimitHeaders(
				jsonResponse(200, fixture("chat-completion.json")).setHeader("x-request-id", "req_abc123")
					.addHeader("openai-processing-ms", "342"))
			.build());

		OpenAiResponse<ChatCompletion> response = this.chat.withResponse().create(HELLO);

		ResponseMetadata metadata = response.metadata();
		assertThat(metadata.status().value()).isEqualTo(200);
		assertThat(metadata.requestId()).isEqualTo("req_abc123");
		assertThat(response.requestId()).isEqualTo("req_abc123");
		assertThat(metadata.processingTime()).isEqualTo(Duration.ofMillis(342));
		assertThat(metadata.headers().getFirst("openai-processing-ms")).isEqualTo("342");
		assertThat(response.rateLimit())
			.isEqualTo(new RateLimit(10000L, 9999L, Duration.ofMillis(6), 200000L, 199950L, Duration.ofSeconds(90)));
		assertThat(response.rateLimit().isKnown()).isTrue();
		assertThat(response.body().id()).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
	}

	@Test
	void reactiveWithResponseParsesZeroResetsAndLeavesMissingHeadersNull() {
		enqueue(jsonResponse(200, fixture("stored-completion.json")).setHeader("x-request-id", "req_def456")
			.addHeader("x-ratelimit-remaining-requests", "0")
			.addHeader("x-ratelimit-reset-requests", "0s")
			.addHeader("x-ratelimit-reset-tokens", "2h0m0.5s")
			.build());

		StepVerifier.create(this.reactive.withResponse().retrieve("chatcmpl-abc123")).assertNext((response) -> {
			assertThat(response.requestId()).isEqualTo("req_def456");
			assertThat(response.metadata().processingTime()).isNull();
			assertThat(response.rateLimit())
				.isEqualTo(new RateLimit(null, 0L, Duration.ZERO, null, null, Duration.ofHours(2).plusMillis(500)));
		}).verifyComplete();
	}

	@Test
	void withoutRateLimitHeadersRateLimitIsUnknown() {
		enqueue(jsonResponse(200, fixture("completion-deleted.json")).build());

		OpenAiResponse<?> response = this.chat.withResponse().delete("chatcmpl-abc123");

		assertThat(response.rateLimit()).isEqualTo(RateLimit.NONE);
		assertThat(response.rateLimit().isKnown()).isFalse();
	}

	private static String errorBody(String message, String type, String code, String param) {
		return "{\"error\": {\"message\": " + quote(message) + ", \"type\": " + quote(type) + ", \"param\": "
				+ quote(param) + ", \"code\": " + quote(code) + "}}";
	}

	private static String quote(String value) {
		return (value != null) ? "\"" + value.replace("\"", "\\\"") + "\"" : "null";
	}

	private static void assertApiException(OpenAiApiException ex, int status, String message, String type, String code,
			String param) {
		assertThat(ex.statusCode().value()).isEqualTo(status);
		// keys the server quotes are redacted in the error itself, not only in the
		// exception message
		assertThat(ex.errorMessage()).isEqualTo(message.replace("sk-test-123", "sk-***"));
		assertThat(ex.errorType()).isEqualTo(type);
		assertThat(ex.errorCode()).isEqualTo(code);
		assertThat(ex.errorParam()).isEqualTo(param);
		assertThat(ex.requestId()).isEqualTo("req_err_" + status);
		assertThat(ex.headers().getFirst("x-request-id")).isEqualTo("req_err_" + status);
		assertThat(ex.headers().getFirst("Content-Type")).isEqualTo("application/json");
		assertThat(ex.getMessage()).startsWith("POST /chat/completions failed with " + status + ": ")
			.endsWith("[request id req_err_" + status + "]");
		assertNoApiKeyIn(ex);
	}

	private static void assertNoApiKeyIn(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain(API_KEY);
			assertThat(cause.toString()).doesNotContain(API_KEY);
		}
	}

}
