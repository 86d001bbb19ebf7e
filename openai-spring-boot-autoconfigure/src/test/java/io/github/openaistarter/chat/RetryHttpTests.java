package io.github.openaistarter.chat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.AuthenticationException;
import io.github.openaistarter.core.BadRequestException;
import io.github.openaistarter.core.InternalServerException;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.core.OpenAiApiException;
import io.github.openaistarter.core.OpenAiDecodingException;
import io.github.openaistarter.core.OpenAiIoException;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.PermissionDeniedException;
import io.github.openaistarter.core.RateLimitException;
import io.github.openaistarter.core.RequestOptions;
import io.github.openaistarter.core.UnprocessableEntityException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retries over HTTP, with short backoffs (20 ms doubling up to 100 ms, server waits
 * honoured up to 2 s): which failures are retried, after how long, how many requests the
 * server sees, and what the caller gets when the call gives up, for blocking, reactive
 * and streaming calls.
 */
@Timeout(20)
class RetryHttpTests extends HttpTestSupport {

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4.1",
			List.of(ChatMessage.user("Hello!")));

	private static final ChatCompletionRequest STORED = ChatCompletionRequest.builder()
		.model("gpt-4.1")
		.message(ChatMessage.user("Keep this"))
		.store(true)
		.build();

	private static final String COMPLETION_TEXT = "Hello! How can I assist you today?";

	private RecordingDispatcher dispatcher;

	@BeforeEach
	void retryWithShortBackoffs() {
		this.dispatcher = new RecordingDispatcher();
		this.server.setDispatcher(this.dispatcher);
		useClient(transport().retryPolicy(SHORT_BACKOFFS).build(), Map.of());
	}

	@Test
	void rateLimitWithRetryAfterMsIsRetriedAfterThatWait() {
		enqueue(error(429, "req_1").addHeader("retry-after-ms", "150").build());
		enqueueCompletion();

		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertWaited(2, Duration.ofMillis(150));
	}

	@Test
	void rateLimitWithRetryAfterSecondsIsRetriedAfterThatWait() {
		enqueue(error(429, "req_1").addHeader("retry-after", "1").build());
		enqueueCompletion();

		StepVerifier.create(this.reactive.create(HELLO))
			.assertNext((completion) -> assertThat(completion.text()).isEqualTo(COMPLETION_TEXT))
			.verifyComplete();

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertWaited(2, Duration.ofSeconds(1));
	}

	@Test
	void rateLimitWithRetryAfterHttpDateIsRetriedNoEarlierThanThatDate() {
		Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
		enqueue(error(429, "req_1")
			.addHeader("retry-after", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(ZoneOffset.UTC)))
			.build());
		enqueueCompletion();

		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		// the client reads the date with the same wall clock; allow its millisecond
		// resolution
		assertThat(this.dispatcher.arrivedAt(2)).isAfterOrEqualTo(date.minusMillis(5)).isBefore(date.plus(SLACK));
	}

	@Test
	void rateLimitAskingForLongerThanMaxRetryAfterFailsAtOnce() {
		enqueue(error(429, "req_1").addHeader("retry-after", "120").build());
		enqueueCompletion();
		long start = System.nanoTime();

		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.attempts()).isEqualTo(1);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(120));
				assertThat(ex.requestId()).isEqualTo("req_1");
				assertThat(ex.getMessage()).doesNotContain("attempts");
			});

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SLACK);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409, 429, 500, 502, 503, 504 })
	void retriedStatusThenSuccessSucceeds(int status) {
		enqueue(error(status, "req_1").build());
		enqueueCompletion();

		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertWaited(2, Duration.ofMillis(15));
	}

	@Test
	void requestCustomizersRunForEveryAttemptAfterTheStartersHeaders() throws InterruptedException {
		AtomicInteger attempts = new AtomicInteger();
		useClient(transport().retryPolicy(SHORT_BACKOFFS)
			.header("X-Team", "search")
			.requestCustomizer((call, headers) -> headers.set("X-Attempt", String.valueOf(attempts.incrementAndGet())))
			.requestCustomizer(
					(call, headers) -> headers.set("X-Team", headers.getFirst("X-Team") + "-" + call.operation()))
			.build(), Map.of());
		enqueue(error(503, "req_1").build());
		enqueueCompletion();

		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);

		for (int attempt = 1; attempt <= 2; attempt++) {
			RecordedRequest request = this.server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(request.getHeaders().get("X-Attempt")).isEqualTo(String.valueOf(attempt));
			assertThat(request.getHeaders().get("X-Team")).isEqualTo("search-chat.completions.create");
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + API_KEY);
		}
	}

	@Test
	void twoServerErrorsThenSuccessBacksOffLongerEachTime() {
		enqueue(error(500, "req_1").build());
		enqueue(error(502, "req_2").build());
		enqueueCompletion();

		StepVerifier.create(this.reactive.create(HELLO))
			.assertNext((completion) -> assertThat(completion.text()).isEqualTo(COMPLETION_TEXT))
			.verifyComplete();

		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertWaited(2, Duration.ofMillis(15));
		assertWaited(3, Duration.ofMillis(30));
	}

	@Test
	void exhaustedRetriesFailWithTheLastErrorAndCountTheAttempts() {
		enqueue(error(503, "req_1").build());
		enqueue(error(503, "req_2").build());
		enqueue(error(503, "req_3").build());
		enqueueCompletion();

		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.attempts()).isEqualTo(3);
				assertThat(ex.statusCode().value()).isEqualTo(503);
				assertThat(ex.requestId()).isEqualTo("req_3");
				assertThat(ex.getMessage()).isEqualTo("POST /chat/completions failed with 503: injected 503"
						+ " (type=server_error) [request id req_3] (after 3 attempts)");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertWaited(2, Duration.ofMillis(15));
		assertWaited(3, Duration.ofMillis(30));
	}

	@Test
	void reactiveExhaustedRetriesFailWithTheLastErrorAndCountTheAttempts() {
		enqueue(error(503, "req_1").build());
		enqueue(error(503, "req_2").build());
		enqueue(error(503, "req_3").build());

		StepVerifier.create(this.reactive.retrieve("chatcmpl-abc123")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(InternalServerException.class)
				.hasMessageEndingWith("[request id req_3] (after 3 attempts)");
			assertThat(((InternalServerException) ex).attempts()).isEqualTo(3);
		}).verify(Duration.ofSeconds(5));
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void shouldRetryFalseStopsTheRetryOfAServerError() {
		enqueue(error(500, "req_1").addHeader("x-should-retry", "false").build());
		enqueueCompletion();

		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.attempts()).isEqualTo(1);
				assertThat(ex.headers().getFirst("x-should-retry")).isEqualTo("false");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void shouldRetryTrueRetriesABadRequest() {
		enqueue(error(400, "req_1").addHeader("x-should-retry", "true").build());
		enqueueCompletion();

		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertWaited(2, Duration.ofMillis(15));
	}

	@Test
	void connectionRefusedIsRetriedAndCountsTheAttempts() {
		this.server.close();
		long start = System.nanoTime();

		assertThatExceptionOfType(OpenAiIoException.class).isThrownBy(() -> this.chat.create(HELLO)).satisfies((ex) -> {
			assertThat(ex.stage()).isEqualTo(OpenAiIoException.Stage.CONNECTING);
			assertThat(ex.attempts()).isEqualTo(3);
			assertThat(ex.getMessage()).startsWith("POST /chat/completions failed to connect: ")
				.endsWith(" (after 3 attempts)");
		});
		// two backoffs of at least 15 ms and 30 ms
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(45), SLACK.multipliedBy(2));
	}

	@Test
	void connectionRefusedForAStoredCreateIsRetriedAsTheRequestWasNeverSent() {
		this.server.close();

		StepVerifier.create(this.reactive.create(STORED)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiIoException.class);
			assertThat(((OpenAiIoException) ex).attempts()).isEqualTo(3);
		}).verify(Duration.ofSeconds(5));
	}

	@Test
	void connectionResetBeforeTheResponseIsRetriedForARepeatableCall() {
		enqueue(resetBeforeResponse());
		enqueueCompletion();

		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertWaited(2, Duration.ofMillis(15));
	}

	@Test
	void connectionResetBeforeTheResponseIsRetriedForARetrieve() {
		enqueue(resetBeforeResponse());
		enqueueJsonFixture("stored-completion.json");

		StepVerifier.create(this.reactive.retrieve("chatcmpl-abc123"))
			.assertNext((completion) -> assertThat(completion.id()).isEqualTo("chatcmpl-abc123"))
			.verifyComplete();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void connectionResetBeforeTheResponseIsRetriedForAStoredCreateByDefault() {
		enqueue(resetBeforeResponse());
		enqueueCompletion();

		assertThat(this.chat.create(STORED).text()).isEqualTo(COMPLETION_TEXT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void connectionResetBeforeTheResponseIsNotRetriedForAStoredCreateWhenStrict() {
		useClient(transport().retryPolicy(SHORT_BACKOFFS).retryStoredCreates(false).build(), Map.of());
		enqueue(resetBeforeResponse());
		enqueueCompletion();

		assertThatExceptionOfType(OpenAiIoException.class).isThrownBy(() -> this.chat.create(STORED))
			.satisfies((ex) -> {
				assertThat(ex.stage()).isEqualTo(OpenAiIoException.Stage.AWAITING_RESPONSE);
				assertThat(ex.requestSent()).isTrue();
				assertThat(ex.attempts()).isEqualTo(1);
				assertThat(ex.getMessage()).startsWith("POST /chat/completions failed before a response arrived: ");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void storedCreateIsRetriedOnServerErrorByDefault() {
		enqueue(error(503, "req_1").build());
		enqueueCompletion();

		assertThat(this.chat.create(STORED).text()).isEqualTo(COMPLETION_TEXT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void storedCreateIsNotRetriedOnServerErrorWhenStoredCreatesAreStrict() {
		useClient(transport().retryPolicy(SHORT_BACKOFFS).retryStoredCreates(false).build(), Map.of());
		enqueue(error(503, "req_1").build());
		enqueueCompletion();

		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(STORED))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(1));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);
	}

	@Test
	void storedCreateIsRetriedOnRateLimit() {
		enqueue(error(429, "req_1").addHeader("retry-after-ms", "60").build());
		enqueueCompletion();

		assertThat(this.chat.create(STORED).text()).isEqualTo(COMPLETION_TEXT);

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertWaited(2, Duration.ofMillis(60));
		assertThat(bodyJson(takeRequest()).get("store").asBoolean()).isTrue();
	}

	@Test
	void storedCreateIsRetriedWhenTheServerSaysSo() {
		enqueue(error(503, "req_1").addHeader("x-should-retry", "true").build());
		enqueueCompletion();

		assertThat(this.chat.create(STORED).text()).isEqualTo(COMPLETION_TEXT);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void storeSetByTheConfiguredDefaultsAlsoMakesCreateNonRepeatableWhenStrict() {
		useClient(transport().retryPolicy(SHORT_BACKOFFS).retryStoredCreates(false).build(), Map.of("store", true));
		enqueue(error(502, "req_1").build());
		enqueueCompletion();

		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(HELLO));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 403, 404, 422 })
	void clientErrorsAreNeverRetried(int status) {
		enqueue(error(status, "req_1").addHeader("retry-after-ms", "10").build());
		enqueueCompletion();

		assertThatExceptionOfType(OpenAiApiException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.statusCode().value()).isEqualTo(status);
				assertThat(ex.attempts()).isEqualTo(1);
				assertThat(ex).isInstanceOf(switch (status) {
					case 400 -> BadRequestException.class;
					case 401 -> AuthenticationException.class;
					case 403 -> PermissionDeniedException.class;
					case 404 -> NotFoundException.class;
					default -> UnprocessableEntityException.class;
				});
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void perCallMaxRetriesOfZeroTurnsRetriesOff() {
		enqueue(error(503, "req_1").build());
		enqueueCompletion();

		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> this.chat.withOptions(RequestOptions.builder().maxRetries(0).build()).create(HELLO))
			.satisfies((ex) -> assertThat(ex.attempts()).isEqualTo(1));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void perCallMaxRetriesOfOneRetriesOnce() {
		enqueue(error(503, "req_1").build());
		enqueue(error(503, "req_2").build());
		enqueueCompletion();

		StepVerifier.create(this.reactive.withOptions(RequestOptions.builder().maxRetries(1).build()).create(HELLO))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(InternalServerException.class)
					.hasMessageEndingWith("(after 2 attempts)");
				assertThat(((InternalServerException) ex).attempts()).isEqualTo(2);
				assertThat(((InternalServerException) ex).requestId()).isEqualTo("req_2");
			})
			.verify(Duration.ofSeconds(5));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void perCallMaxRetriesCanRaiseTheConfiguredBudget() {
		for (int i = 1; i <= 4; i++) {
			enqueue(error(500, "req_" + i).build());
		}
		enqueueCompletion();

		ChatCompletion completion = this.chat.withOptions(RequestOptions.builder().maxRetries(4).build())
			.withResponse()
			.create(HELLO)
			.body();

		assertThat(completion.text()).isEqualTo(COMPLETION_TEXT);
		assertThat(this.server.getRequestCount()).isEqualTo(5);
	}

	@Test
	void perCallOptionsApplyToTheirCallsOnly() {
		ChatCompletionsOperations noRetries = this.chat.withOptions(RequestOptions.builder().maxRetries(0).build());
		enqueue(error(503, "req_1").build());
		enqueueCompletion();

		assertThat(this.chat.create(HELLO).text()).isEqualTo(COMPLETION_TEXT);
		assertThat(noRetries).isNotSameAs(this.chat);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void streamFailingWith503BeforeAnyChunkIsRetried() {
		enqueue(error(503, "req_1").build());
		enqueue(eventStream(fixture("stream-text.sse")).build());
		List<String> texts = new ArrayList<>();

		ChatCompletion completion = this.chat.stream(HELLO, (chunk) -> texts.add(chunk.text()));

		assertThat(completion.text()).isEqualTo("Hello world");
		assertThat(texts).containsExactly("", "Hello", " world", "", "");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertWaited(2, Duration.ofMillis(15));
	}

	@Test
	void reactiveStreamRateLimitedBeforeAnyChunkIsRetriedAfterTheAskedWait() {
		enqueue(error(429, "req_1").addHeader("retry-after-ms", "100").build());
		enqueue(eventStream(fixture("stream-text.sse")).build());

		StepVerifier.create(this.reactive.stream(HELLO).map(ChatCompletionChunk::text))
			.expectNext("", "Hello", " world", "", "")
			.verifyComplete();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertWaited(2, Duration.ofMillis(100));
	}

	@Test
	void streamResetBeforeTheResponseIsRetried() {
		enqueue(resetBeforeResponse());
		enqueue(eventStream(fixture("stream-text.sse")).build());

		try (Stream<ChatCompletionChunk> chunks = this.chat.stream(HELLO)) {
			assertThat(chunks.map(ChatCompletionChunk::text)).containsExactly("", "Hello", " world", "", "");
		}
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void streamCutWithoutDoneAfterChunksIsNotRetried() {
		String text = fixture("stream-text.sse");
		enqueue(eventStream(text.substring(0, text.indexOf("data: {", text.indexOf(" world")))).build());
		enqueue(eventStream(text).build());
		List<String> texts = new ArrayList<>();

		assertThatExceptionOfType(OpenAiStreamException.class)
			.isThrownBy(() -> this.chat.stream(HELLO, (chunk) -> texts.add(chunk.text())))
			.satisfies((ex) -> {
				assertThat(ex.attempts()).isEqualTo(1);
				assertThat(ex.getMessage())
					.isEqualTo("POST /chat/completions stream ended before [DONE]; the answer may be incomplete");
				assertThat(ex.requestId()).isEqualTo("req_stream_1");
			});
		assertThat(texts).containsExactly("", "Hello", " world");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void streamWhoseConnectionDropsMidBodyIsNotRetried() {
		String text = fixture("stream-text.sse");
		enqueue(eventStream(text, 64).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
		enqueue(eventStream(text).build());

		StepVerifier.create(this.reactive.stream(HELLO))
			.thenConsumeWhile((chunk) -> true)
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(OpenAiStreamException.class);
				assertThat(((OpenAiStreamException) ex).attempts()).isEqualTo(1);
			})
			.verify(Duration.ofSeconds(5));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void errorEventMidStreamIsNotRetried() {
		enqueue(eventStream(ONCE_CHUNK_EVENT + "event: error\ndata: {\"error\":{\"message\":\"overloaded\","
				+ "\"type\":\"server_error\",\"param\":null,\"code\":null}}\n\n")
			.build());
		enqueue(eventStream(fixture("stream-text.sse")).build());

		StepVerifier.create(this.reactive.stream(HELLO))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Once"))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(OpenAiStreamException.class)
					.hasMessage("POST /chat/completions stream failed: overloaded (type=server_error)");
				assertThat(((OpenAiStreamException) ex).attempts()).isEqualTo(1);
			})
			.verify(Duration.ofSeconds(5));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void errorEventBeforeAnyChunkIsNotRetried() {
		enqueue(eventStream("data: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n").build());
		enqueue(eventStream(fixture("stream-text.sse")).build());

		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> this.chat.stream(HELLO, (chunk) -> {
		})).satisfies((ex) -> assertThat(ex.error().message()).isEqualTo("overloaded"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void malformedJsonIsNotRetried() {
		enqueue(jsonResponse(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choi").build());
		enqueueCompletion();

		assertThatExceptionOfType(OpenAiDecodingException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.attempts()).isEqualTo(1);
				assertThat(ex.requestId()).isEqualTo("req_test_1");
			});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void malformedChunkIsNotRetried() {
		enqueue(eventStream("data: {\"id\":\"chatcmpl-1\",\"choices\":[{\"delta\"\n\n").build());
		enqueue(eventStream(fixture("stream-text.sse")).build());

		StepVerifier.create(this.reactive.stream(HELLO))
			.expectError(OpenAiDecodingException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void connectionDroppedWhileReadingAnAnswerIsNotRetried() {
		enqueue(jsonResponse(200, fixture("chat-completion.json"))
			.onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
			.build());
		enqueueCompletion();

		assertThatExceptionOfType(OpenAiIoException.class).isThrownBy(() -> this.chat.create(HELLO)).satisfies((ex) -> {
			assertThat(ex.stage()).isEqualTo(OpenAiIoException.Stage.READING_RESPONSE);
			assertThat(ex.attempts()).isEqualTo(1);
		});
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	private void enqueueCompletion() {
		enqueueJsonFixture("chat-completion.json");
	}

	/** Reads the request, then closes the connection without a response. */
	private static MockResponse resetBeforeResponse() {
		return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
	}

	private static MockResponse.Builder error(int status, String requestId) {
		return jsonResponse(status, "{\"error\":{\"message\":\"injected " + status + "\",\"type\":\"server_error\","
				+ "\"param\":null,\"code\":null}}")
			.setHeader("x-request-id", requestId);
	}

	/**
	 * Asserts the attempt's request came at least the given wait after the one before,
	 * and not much later.
	 */
	private void assertWaited(int attempt, Duration atLeast) {
		assertThat(this.dispatcher.gapBefore(attempt)).as("wait before attempt %d", attempt)
			.isBetween(atLeast, atLeast.plus(SLACK));
	}

}
