package io.github.openaistarter.observation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.Disposable;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests the observation of streamed completions over HTTP: chunk count, time to first
 * chunk, usage from the usage chunk, finish reasons, cancellation by the caller and
 * failures inside the stream.
 */
@Timeout(30)
class StreamObservationHttpTests extends ObservationHttpTestSupport {

	private static final String FIRST_CHUNK = "data: {\"id\":\"chatcmpl-slow\",\"object\":\"chat.completion.chunk\","
			+ "\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
			+ "\"delta\":{\"role\":\"assistant\",\"content\":\"Once\"},\"finish_reason\":null}]}\n\n";

	private final CountDownLatch releaseSlowStreams = new CountDownLatch(1);

	@AfterEach
	void releaseSlowStreams() {
		this.releaseSlowStreams.countDown();
	}

	private static ChatCompletionRequest hello() {
		return ChatCompletionRequest.builder().model(MODEL).message(ChatMessage.user("Hello there")).build();
	}

	@Test
	void aReactiveStreamIsObservedWithChunksUsageAndFinishReasons() {
		enqueue(eventStream(fixture("stream-text.sse")).build());
		List<ChatCompletionChunk> chunks = this.reactive.stream(hello()).collectList().block();
		assertThat(chunks).hasSize(5);
		assertCompletedStreamObserved();
	}

	@Test
	void aBlockingStreamIsObservedWithChunksUsageAndFinishReasons() {
		enqueue(eventStream(fixture("stream-text.sse")).build());
		try (Stream<ChatCompletionChunk> chunks = this.chat.stream(hello())) {
			assertThat(chunks.count()).isEqualTo(5);
		}
		assertCompletedStreamObserved();
	}

	@Test
	void aStreamConsumedWithACallbackIsObservedWithChunksUsageAndFinishReasons() {
		enqueue(eventStream(fixture("stream-text.sse")).build());
		ChatCompletion answer = this.chat.stream(hello(), (chunk) -> {
		});
		assertThat(answer.text()).isEqualTo("Hello world");
		assertCompletedStreamObserved();
	}

	private void assertCompletedStreamObserved() {
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasNumberOfObservationsWithNameEqualTo(NAME, 1)
			.hasObservationWithNameEqualTo(NAME)
			.that()
			.hasContextualNameEqualTo("chat gpt-4o-mini")
			.hasBeenStopped()
			.doesNotHaveError();
		Observation.Context context = observation("chat.completions.stream");
		assertThat(lowKeys(context))
			.isEqualTo(expectedLowKeys("chat", MODEL, "chat.completions.stream", "openai.streaming", "true"));
		assertThat(highKeys(context)).isEqualTo(map("gen_ai.response.model", "gpt-4o-mini", "gen_ai.response.id",
				"chatcmpl-123", "gen_ai.response.finish_reasons", "stop", "gen_ai.usage.input_tokens", "9",
				"gen_ai.usage.output_tokens", "2", "openai.request_id", "req_stream_1", "http.response.status_code",
				"200", "openai.stream.chunks", "5"));
		Timer firstChunk = this.meters.get(OpenAiMeterObservationHandler.TIME_TO_FIRST_CHUNK)
			.tags("openai.operation", "chat.completions.stream", "gen_ai.request.model", MODEL)
			.timer();
		assertThat(firstChunk.count()).isOne();
		assertThat(firstChunk.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		Timer operation = this.meters.get(NAME).tags("openai.operation", "chat.completions.stream").timer();
		assertThat(firstChunk.totalTime(TimeUnit.NANOSECONDS))
			.isLessThanOrEqualTo(operation.totalTime(TimeUnit.NANOSECONDS));
		DistributionSummary chunks = this.meters.get(OpenAiMeterObservationHandler.STREAM_CHUNKS).summary();
		assertThat(chunks.count()).isOne();
		assertThat(chunks.totalAmount()).isEqualTo(5.0);
		assertThat(tokens()).isEqualTo(Map.of("input", 9.0, "output", 2.0));
	}

	@Test
	void tokenMetersByTypeComeFromTheUsageChunkOfAStream() {
		enqueue(eventStream(FIRST_CHUNK + "data: {\"id\":\"chatcmpl-slow\",\"object\":\"chat.completion.chunk\","
				+ "\"created\":1741570283,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,"
				+ "\"delta\":{},\"finish_reason\":\"length\"}]}\n\n"
				+ "data: {\"id\":\"chatcmpl-slow\",\"object\":\"chat.completion.chunk\",\"created\":1741570283,"
				+ "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":40,"
				+ "\"completion_tokens\":25,\"total_tokens\":65,\"prompt_tokens_details\":{\"cached_tokens\":32},"
				+ "\"completion_tokens_details\":{\"reasoning_tokens\":16}}}\n\n" + "data: [DONE]\n\n")
			.build());
		assertThat(this.reactive.stream(hello()).count().block()).isEqualTo(3);
		assertThat(tokens()).isEqualTo(Map.of("input", 40.0, "output", 25.0, "cached", 32.0, "reasoning", 16.0));
		assertThat(highKeys(observation("chat.completions.stream"))).containsEntry("gen_ai.usage.input_tokens", "40")
			.containsEntry("gen_ai.usage.output_tokens", "25")
			.containsEntry("gen_ai.response.finish_reasons", "length")
			.containsEntry("openai.stream.chunks", "3");
		this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE)
			.summaries()
			.forEach((summary) -> assertThat(summary.getId().getTag("openai.operation"))
				.isEqualTo("chat.completions.stream"));
	}

	@Test
	void aStreamRetriedBeforeItsFirstChunkCountsItsAttempts() {
		useClient(
				transport(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)), 0));
		enqueue(jsonResponse(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}").build());
		enqueue(eventStream(fixture("stream-text.sse")).build());
		assertThat(this.reactive.stream(hello()).count().block()).isEqualTo(5);
		Observation.Context context = observation("chat.completions.stream");
		assertThat(lowKeys(context)).containsEntry("openai.attempts", "2").containsEntry("outcome", "success");
		assertThat(this.meters.get(OpenAiMeterObservationHandler.RETRIES).counter().count()).isEqualTo(1.0);
		assertThat(this.meters.get(OpenAiMeterObservationHandler.TIME_TO_FIRST_CHUNK).timer().count()).isOne();
	}

	@Test
	void aStreamDisposedAfterItsFirstChunkEndsCancelledWithoutError() throws InterruptedException {
		enqueue(slowStream());
		CountDownLatch firstChunk = new CountDownLatch(1);
		Disposable subscription = this.reactive.stream(hello()).subscribe((chunk) -> firstChunk.countDown());
		assertThat(firstChunk.await(5, TimeUnit.SECONDS)).as("first chunk arrived").isTrue();
		subscription.dispose();
		assertCancelledAfterOneChunk();
	}

	@Test
	void aBlockingStreamClosedEarlyEndsCancelledWithoutError() {
		enqueue(slowStream());
		try (Stream<ChatCompletionChunk> chunks = this.chat.stream(hello())) {
			assertThat(chunks.findFirst()).get().extracting(ChatCompletionChunk::text).isEqualTo("Once");
		}
		assertCancelledAfterOneChunk();
	}

	private void assertCancelledAfterOneChunk() {
		Observation.Context context = observation("chat.completions.stream");
		assertThat(isStopped(context)).as("stopped").isTrue();
		assertThat(context.getError()).isNull();
		assertThat(lowKeys(context)).isEqualTo(expectedLowKeys("chat", MODEL, "chat.completions.stream",
				"openai.streaming", "true", "outcome", "cancelled"));
		assertThat(highKeys(context)).isEqualTo(map("gen_ai.response.model", "gpt-4o-mini-2024-07-18",
				"gen_ai.response.id", "chatcmpl-slow", "openai.request_id", "req_slow_1", "http.response.status_code",
				"200", "openai.stream.chunks", "1"));
		assertThat(this.meters.get(OpenAiMeterObservationHandler.TIME_TO_FIRST_CHUNK).timer().count()).isOne();
		assertThat(this.meters.get(NAME).tags("outcome", "cancelled", "error", "none").timer().count()).isOne();
		assertThat(this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE).meters()).isEmpty();
	}

	@Test
	void anErrorInsideAStreamIsAnErrorWithTheSuccessfulStatus() {
		enqueue(eventStream(FIRST_CHUNK
				+ "data: {\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}\n\n")
			.build());
		assertThatExceptionOfType(OpenAiStreamException.class)
			.isThrownBy(() -> this.reactive.stream(hello()).blockLast());
		Observation.Context context = observation("chat.completions.stream");
		assertThat(lowKeys(context)).isEqualTo(expectedLowKeys("chat", MODEL, "chat.completions.stream",
				"openai.streaming", "true", "outcome", "error", "error.type", "OpenAiStreamException"));
		assertThat(highKeys(context)).containsEntry("openai.stream.chunks", "1")
			.containsEntry("http.response.status_code", "200");
		assertThat(context.getError()).isInstanceOf(OpenAiStreamException.class);
		assertThat(isStopped(context)).isTrue();
	}

	@Test
	void aStreamsContentIsRecordedShortenedWhenIncluded() {
		useClient(transport(RetryPolicy.DEFAULT.withMaxRetries(0), 8));
		enqueue(eventStream(fixture("stream-text.sse")).build());
		this.reactive.stream(hello()).blockLast();
		assertThat(highKeys(observation("chat.completions.stream"))).containsEntry("gen_ai.output.messages", "Hello wo")
			.hasEntrySatisfying("gen_ai.input.messages", (input) -> assertThat(input).hasSize(8).startsWith("{\""));
	}

	@Test
	void aStreamsContentIsNotRecordedByDefault() {
		enqueue(eventStream(fixture("stream-text.sse")).build());
		this.reactive.stream(hello()).blockLast();
		assertThat(highKeys(observation("chat.completions.stream"))).doesNotContainKeys("gen_ai.input.messages",
				"gen_ai.output.messages");
	}

	private Map<String, Double> tokens() {
		Map<String, Double> recorded = new TreeMap<>();
		this.meters.find(OpenAiMeterObservationHandler.TOKEN_USAGE).summaries().forEach((summary) -> {
			assertThat(summary.count()).isOne();
			recorded.put(summary.getId().getTag("gen_ai.token.type"), summary.totalAmount());
		});
		return recorded;
	}

	/**
	 * An event stream that sends its first chunk, then nothing until the test ends (10 s
	 * at most).
	 */
	private MockResponse slowStream() {
		MockResponseBody body = new MockResponseBody() {

			@Override
			public long getContentLength() {
				return -1;
			}

			@Override
			public void writeTo(BufferedSink sink) throws IOException {
				byte[] bytes = FIRST_CHUNK.getBytes(StandardCharsets.UTF_8);
				sink.writeHexadecimalUnsignedLong(bytes.length).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
				sink.flush();
				try {
					StreamObservationHttpTests.this.releaseSlowStreams.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

		};
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream; charset=utf-8")
			.addHeader("x-request-id", "req_slow_1")
			.body(body)
			.removeHeader("Content-Length")
			.addHeader("Transfer-Encoding", "chunked")
			.build();
	}

}
