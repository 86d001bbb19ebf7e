package io.github.openaistarter.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Hooks;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.FunctionCall;
import io.github.openaistarter.chat.model.ServiceTier;
import io.github.openaistarter.chat.model.StreamOptions;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolCallDelta;
import io.github.openaistarter.chat.model.Usage;
import io.github.openaistarter.chat.stream.ChatCompletionAccumulator;
import io.github.openaistarter.core.OpenAiDecodingException;
import io.github.openaistarter.core.OpenAiError;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Streamed {@code POST /chat/completions} over HTTP: the request, server-sent events
 * decoding, accumulation, errors inside the stream and cancellation.
 */
@Timeout(10)
class StreamCompletionHttpTests extends HttpTestSupport {

	private static final ChatCompletionRequest WEATHER = ChatCompletionRequest.builder()
		.model("gpt-4o")
		.message(ChatMessage.user("Weather and time in Paris?"))
		.n(2)
		.build();

	@Test
	void streamPostsStreamFlagAndEmitsEachChunk() {
		enqueue(eventStream(fixture("stream-two-choices-tool-calls.sse")).build());

		StepVerifier.create(this.reactive.stream(WEATHER)).assertNext((chunk) -> {
			assertThat(chunk.id()).isEqualTo("chatcmpl-stream-1");
			assertThat(chunk.object()).isEqualTo("chat.completion.chunk");
			assertThat(chunk.created()).isEqualTo(1741570283L);
			assertThat(chunk.model()).isEqualTo("gpt-4o-2024-08-06");
			assertThat(chunk.serviceTier()).isEqualTo(ServiceTier.DEFAULT);
			assertThat(chunk.obfuscation()).isEqualTo("kJ3x");
			assertThat(chunk.choices()).singleElement().satisfies((choice) -> {
				assertThat(choice.index()).isZero();
				assertThat(choice.delta().role()).isEqualTo("assistant");
				assertThat(choice.delta().content()).isEmpty();
				assertThat(choice.finishReason()).isNull();
			});
		})
			.assertNext(
					(chunk) -> assertThat(chunk.choices().get(0).delta().toolCalls()).containsExactly(new ToolCallDelta(
							0, "call_weather", "function", new FunctionCall("get_weather", ""), null, Map.of())))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("The weather"))
			.assertNext((chunk) -> assertThat(chunk.choices().get(0).delta().toolCalls()).containsExactly(
					new ToolCallDelta(0, null, null, new FunctionCall(null, "{\"city\":"), null, Map.of())))
			.expectNextCount(6)
			.assertNext((chunk) -> assertThat(chunk.choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS))
			.assertNext((chunk) -> {
				assertThat(chunk.choices()).isEmpty();
				assertThat(chunk.text()).isEmpty();
				assertThat(chunk.usage().totalTokens()).isEqualTo(128);
			})
			.verifyComplete();
		assertStreamRequest(takeRequest());
	}

	@Test
	void reactiveStreamAccumulatesIntoWholeCompletion() {
		enqueue(eventStream(fixture("stream-two-choices-tool-calls.sse")).build());

		StepVerifier.create(ChatCompletionAccumulator.accumulate(this.reactive.stream(WEATHER)))
			.assertNext(StreamCompletionHttpTests::assertAccumulatedWeather)
			.verifyComplete();
	}

	@Test
	void blockingStreamCallsBackPerChunkAndReturnsAccumulatedCompletion() {
		enqueue(eventStream(fixture("stream-two-choices-tool-calls.sse")).build());
		List<ChatCompletionChunk> received = new ArrayList<>();

		ChatCompletion completion = this.chat.stream(WEATHER, received::add);

		assertThat(received).hasSize(12);
		assertThat(received.stream().map(ChatCompletionChunk::text).collect(Collectors.joining()))
			.isEqualTo("The weather in Paris is sunny.");
		assertThat(received.get(11).usage().promptTokens()).isEqualTo(87);
		assertAccumulatedWeather(completion);
		assertStreamRequest(takeRequest());
	}

	@Test
	void blockingStreamYieldsEachChunk() {
		enqueue(eventStream(fixture("stream-two-choices-tool-calls.sse")).build());

		List<ChatCompletionChunk> chunks;
		try (Stream<ChatCompletionChunk> stream = this.chat.stream(WEATHER)) {
			chunks = stream.toList();
		}

		assertThat(chunks).hasSize(12);
		assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly("chatcmpl-stream-1");
		assertThat(chunks.get(9).choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(chunks.get(10).choices().get(0).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertStreamRequest(takeRequest());
	}

	@Test
	void streamKeepsStreamOptionsTheRequestSet() {
		enqueue(eventStream(fixture("stream-text.sse")).build());

		this.chat.stream(WEATHER.mutate().streamOptions(new StreamOptions(false, false)).build(), (chunk) -> {
		});

		assertThat(bodyJson(takeRequest()).get("stream_options"))
			.isEqualTo(json("{\"include_usage\": false, \"include_obfuscation\": false}"));
	}

	@Test
	void streamAppliesDefaultsLikeCreate() {
		useClient(transport().build(), Map.of("model", "gpt-4o-mini", "temperature", 0.3));
		enqueue(eventStream(fixture("stream-text.sse")).build());

		this.chat.stream(ChatCompletionRequest.of(List.of(ChatMessage.user("Hi"))), (chunk) -> {
		});

		assertThat(bodyJson(takeRequest())).isEqualTo(json("""
				{"model": "gpt-4o-mini", "temperature": 0.3, "messages": [{"role": "user", "content": "Hi"}],
				 "stream": true, "stream_options": {"include_usage": true}}"""));
	}

	@Test
	void crlfLineEndingsAndKeepAliveCommentsAreHandled() {
		enqueue(eventStream(fixture("stream-text.sse").replace("\n", "\r\n")).build());
		List<String> texts = new ArrayList<>();

		ChatCompletion completion = this.chat.stream(WEATHER, (chunk) -> texts.add(chunk.text()));

		assertThat(texts).containsExactly("", "Hello", " world", "", "");
		assertThat(completion.id()).isEqualTo("chatcmpl-123");
		assertThat(completion.text()).isEqualTo("Hello world");
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage().totalTokens()).isEqualTo(11);
	}

	@Test
	void eventsSplitAcrossTinyNetworkChunksAreReassembled() {
		enqueue(eventStream(fixture("stream-two-choices-tool-calls.sse"), 7).build());

		assertAccumulatedWeather(this.chat.stream(WEATHER, (chunk) -> {
		}));
	}

	@Test
	void multibyteTextSplitAcrossNetworkChunksIsDecodedIntact() {
		String text = fixture("stream-text.sse").replace("\" world\"", "\" wörld 🌍, ça va ?\"");
		enqueue(eventStream(text, 3).build());

		ChatCompletion completion = this.chat.stream(WEATHER, (chunk) -> {
		});

		assertThat(completion.text()).isEqualTo("Hello wörld 🌍, ça va ?");
	}

	@Test
	void withResponseStreamCarriesRequestIdAndRateLimitsOnEachChunk() {
		enqueue(withRateLimitHeaders(eventStream(fixture("stream-text.sse")).setHeader("x-request-id", "req_abc123"))
			.build());
		RateLimit expected = new RateLimit(10000L, 9999L, Duration.ofMillis(6), 200000L, 199950L,
				Duration.ofSeconds(90));

		List<OpenAiResponse<ChatCompletionChunk>> chunks;
		try (Stream<OpenAiResponse<ChatCompletionChunk>> stream = this.chat.withResponse().stream(WEATHER)) {
			chunks = stream.toList();
		}

		assertThat(chunks).hasSize(5).allSatisfy((chunk) -> {
			assertThat(chunk.requestId()).isEqualTo("req_abc123");
			assertThat(chunk.rateLimit()).isEqualTo(expected);
			assertThat(chunk.metadata().status().value()).isEqualTo(200);
		});
	}

	@Test
	void reactiveWithResponseStreamCarriesRequestIdOnEachChunk() {
		enqueue(eventStream(fixture("stream-text.sse")).setHeader("x-request-id", "req_abc123")
			.addHeader("x-ratelimit-remaining-tokens", "199950")
			.build());

		StepVerifier.create(this.reactive.withResponse().stream(WEATHER))
			.recordWith(ArrayList::new)
			.expectNextCount(5)
			.consumeRecordedWith((chunks) -> assertThat(chunks).allSatisfy((chunk) -> {
				assertThat(chunk.requestId()).isEqualTo("req_abc123");
				assertThat(chunk.rateLimit().remainingTokens()).isEqualTo(199950L);
			}))
			.verifyComplete();
	}

	@Test
	void withResponseStreamToCallbackReturnsCompletionWithMetadata() {
		enqueue(eventStream(fixture("stream-text.sse")).setHeader("x-request-id", "req_abc123").build());

		OpenAiResponse<ChatCompletion> response = this.chat.withResponse().stream(WEATHER, (chunk) -> {
		});

		assertThat(response.requestId()).isEqualTo("req_abc123");
		assertThat(response.body().text()).isEqualTo("Hello world");
	}

	@Test
	void errorEventInsideStreamFailsWithStreamException() {
		enqueue(eventStream(errorStream()).build());

		StepVerifier.create(this.reactive.stream(WEATHER))
			.assertNext((chunk) -> assertThat(chunk.choices().get(0).delta().role()).isEqualTo("assistant"))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Hel"))
			.expectErrorSatisfies(StreamCompletionHttpTests::assertServerErrorEvent)
			.verify();
	}

	@Test
	void errorEventInsideStreamFailsBlockingStreamAfterDeliveredChunks() {
		enqueue(eventStream(errorStream()).build());
		List<String> texts = new ArrayList<>();

		assertThatExceptionOfType(OpenAiStreamException.class)
			.isThrownBy(() -> this.chat.stream(WEATHER, (chunk) -> texts.add(chunk.text())))
			.satisfies(StreamCompletionHttpTests::assertServerErrorEvent);
		assertThat(texts).containsExactly("", "Hel");
	}

	@Test
	void errorEventNamedErrorWithPlainTextDataFailsWithStreamException() {
		enqueue(eventStream(ONCE_CHUNK_EVENT + "event: error\ndata: upstream overloaded\n\n").build());

		StepVerifier.create(this.reactive.stream(WEATHER)).expectNextCount(1).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiStreamException.class)
				.hasMessage("POST /chat/completions stream failed: upstream overloaded");
			assertThat(((OpenAiStreamException) ex).error().message()).isEqualTo("upstream overloaded");
		}).verify();
	}

	@Test
	void errorEventNamedErrorWithJsonDataKeepsItsDetails() {
		enqueue(eventStream(ONCE_CHUNK_EVENT + "event: error\ndata: {\"error\":{\"message\":\"Overloaded\","
				+ "\"type\":\"server_error\",\"code\":\"overloaded\"}}\n\n")
			.build());

		StepVerifier.create(this.reactive.stream(WEATHER))
			.expectNextCount(1)
			.expectErrorSatisfies((ex) -> assertThat(((OpenAiStreamException) ex).error())
				.isEqualTo(new OpenAiError("Overloaded", "server_error", "overloaded", null)))
			.verify();
	}

	@Test
	void malformedChunkFailsWithDecodingException() {
		String cut = "data: {\"id\":\"chatcmpl-slow\",\"choices\":[{\n\n";
		enqueue(eventStream(ONCE_CHUNK_EVENT + cut + "data: [DONE]\n\n").build());

		StepVerifier.create(this.reactive.stream(WEATHER)).expectNextCount(1).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiDecodingException.class)
				.hasMessageStartingWith("Could not read a chunk of POST /chat/completions: ");
			assertThat(((OpenAiDecodingException) ex).requestId()).isEqualTo("req_stream_1");
		}).verify();
	}

	@Test
	void streamEndingWithoutDoneFailsWithStreamException() {
		String cut = fixture("stream-text.sse");
		enqueue(eventStream(cut.substring(0, cut.indexOf("data: {", cut.indexOf(" world")))).build());

		StepVerifier.create(this.reactive.stream(WEATHER)).expectNextCount(3).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiStreamException.class)
				.hasMessage("POST /chat/completions stream ended before [DONE]; the answer may be incomplete");
			assertThat(((OpenAiStreamException) ex).error()).isEqualTo(OpenAiError.NONE);
			assertThat(((OpenAiStreamException) ex).requestId()).isEqualTo("req_stream_1");
		}).verify();
	}

	@Test
	void blockingStreamEndingWithoutDoneThrowsStreamException() {
		String cut = fixture("stream-text.sse");
		enqueue(eventStream(cut.substring(0, cut.indexOf("data: {", cut.indexOf(" world")))).build());

		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> this.chat.stream(WEATHER, (chunk) -> {
		})).withMessageContaining("ended before [DONE]");
	}

	@Test
	void closingBlockingStreamEarlyCancelsTheExchange() throws InterruptedException {
		StallingBody stalled = enqueueEventStream(StallingBody.keepAliveAfter(ONCE_CHUNK_EVENT));
		List<Throwable> dropped = new CopyOnWriteArrayList<>();
		Hooks.onErrorDropped(dropped::add);
		try {
			long start = System.nanoTime();
			assertThatCode(() -> {
				try (Stream<ChatCompletionChunk> chunks = this.chat.stream(WEATHER)) {
					Iterator<ChatCompletionChunk> iterator = chunks.iterator();
					assertThat(iterator.next().text()).isEqualTo("Once");
				}
			}).doesNotThrowAnyException();

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the connection closed").isTrue();
			assertThat(dropped).as("errors dropped after cancellation").isEmpty();
		}
		finally {
			Hooks.resetOnErrorDropped();
		}
	}

	@Test
	void callbackFailureCancelsTheExchangeAndPropagates() throws InterruptedException {
		StallingBody stalled = enqueueEventStream(StallingBody.keepAliveAfter(ONCE_CHUNK_EVENT));
		IllegalStateException failure = new IllegalStateException("cannot print");

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.chat.stream(WEATHER, (chunk) -> {
			throw failure;
		})).isSameAs(failure);

		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the connection closed").isTrue();
	}

	@Test
	void cancellingReactiveStreamCancelsTheExchange() throws InterruptedException {
		StallingBody stalled = enqueueEventStream(StallingBody.keepAliveAfter(ONCE_CHUNK_EVENT));

		StepVerifier.create(this.reactive.stream(WEATHER).take(1))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Once"))
			.expectComplete()
			.verify(Duration.ofSeconds(2));

		assertThat(stalled.awaitDisconnect(Duration.ofSeconds(10))).as("server saw the connection closed").isTrue();
	}

	private static String errorStream() {
		String text = fixture("stream-text.sse");
		return text.substring(0, text.indexOf("data: {", text.indexOf("\"Hello\""))).replace("\"Hello\"", "\"Hel\"")
				+ "data: {\"error\":{\"message\":\"The server had an error while processing your request.\","
				+ "\"type\":\"server_error\",\"param\":null,\"code\":\"x\"}}\n\n";
	}

	private static void assertServerErrorEvent(Throwable ex) {
		assertThat(ex).isExactlyInstanceOf(OpenAiStreamException.class)
			.hasMessage("POST /chat/completions stream failed: The server had an error while processing your"
					+ " request. (type=server_error, code=x)");
		OpenAiStreamException streamException = (OpenAiStreamException) ex;
		assertThat(streamException.error()).isEqualTo(
				new OpenAiError("The server had an error while processing your request.", "server_error", "x", null));
		assertThat(streamException.requestId()).isEqualTo("req_stream_1");
	}

	private static void assertAccumulatedWeather(ChatCompletion completion) {
		assertThat(completion.id()).isEqualTo("chatcmpl-stream-1");
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.created()).isEqualTo(1741570283L);
		assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
		assertThat(completion.serviceTier()).isEqualTo(ServiceTier.DEFAULT);
		assertThat(completion.systemFingerprint()).isEqualTo("fp_f9f4fb6dbf");
		assertThat(completion.choices()).hasSize(2);
		assertThat(completion.choices().get(0).index()).isZero();
		assertThat(completion.choices().get(0).message().text()).isEqualTo("The weather in Paris is sunny.");
		assertThat(completion.choices().get(0).message().toolCalls()).isEmpty();
		assertThat(completion.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.choices().get(1).index()).isEqualTo(1);
		assertThat(completion.choices().get(1).message().content()).isNull();
		assertThat(completion.choices().get(1).message().toolCalls()).containsExactly(
				ToolCall.function("call_weather", "get_weather", "{\"city\": \"Paris\"}"),
				ToolCall.function("call_time", "get_time", "{\"zone\":\"Europe/Paris\"}"));
		assertThat(completion.choices().get(1).finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.usage())
			.isEqualTo(new Usage(87, 41, 128, new Usage.PromptTokensDetails(0L, 0L, null, null, null, Map.of()),
					new Usage.CompletionTokensDetails(0L, 0L, null, 0L, 0L, Map.of()), Map.of()));
	}

	private static void assertStreamRequest(RecordedRequest request) {
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
		assertSentWithCredentials(request, EVENT_STREAM);
		assertJsonBodySent(request);
		assertThat(bodyJson(request)).isEqualTo(json("""
				{"model": "gpt-4o", "messages": [{"role": "user", "content": "Weather and time in Paris?"}], "n": 2,
				 "stream": true, "stream_options": {"include_usage": true}}"""));
	}

}
