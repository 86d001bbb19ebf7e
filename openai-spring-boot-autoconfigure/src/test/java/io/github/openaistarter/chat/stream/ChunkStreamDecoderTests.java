package io.github.openaistarter.chat.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.Usage;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.OpenAiDecodingException;
import io.github.openaistarter.core.OpenAiError;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.ResponseMetadata;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChunkStreamDecoder}.
 */
class ChunkStreamDecoderTests {

	private static final String FIRST = """
			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}]}

			""";

	private static final String SECOND = """
			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}

			""";

	private static final String USAGE = """
			data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}

			""";

	private static final String DONE = "data: [DONE]\n\n";

	private final ChunkStreamDecoder decoder = new ChunkStreamDecoder(OpenAiJson.createMapper());

	private final OpenAiCall call = OpenAiCall.builder("chat.completions.create", HttpMethod.POST, "/chat/completions")
		.build();

	private final ResponseMetadata metadata;

	ChunkStreamDecoderTests() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("x-request-id", "req_stream");
		this.metadata = ResponseMetadata.of(HttpStatus.OK, headers);
	}

	@Test
	void chunksAreDecodedUntilDone() {
		StepVerifier.create(decode(FIRST + SECOND + USAGE + DONE)).assertNext((chunk) -> {
			assertThat(chunk.id()).isEqualTo("chatcmpl-1");
			assertThat(chunk.text()).isEqualTo("Hel");
			assertThat(chunk.choices().get(0).delta().role()).isEqualTo("assistant");
		}).assertNext((chunk) -> {
			assertThat(chunk.text()).isEqualTo("lo");
			assertThat(chunk.choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
		}).assertNext((chunk) -> {
			assertThat(chunk.choices()).isEmpty();
			assertThat(chunk.usage()).isEqualTo(new Usage(3, 2, 5, null, null, Map.of()));
		}).verifyComplete();
	}

	@Test
	void chunksAreDecodedWhateverTheBufferSize() {
		byte[] body = (": open\n\n" + FIRST + SECOND + DONE).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		for (int size = 1; size <= 40; size++) {
			List<DataBuffer> buffers = new ArrayList<>();
			for (int start = 0; start < body.length; start += size) {
				buffers.add(buffer(Arrays.copyOfRange(body, start, Math.min(body.length, start + size))));
			}
			List<String> texts = this.decoder.decode(this.call, this.metadata, Flux.fromIterable(buffers))
				.map(ChatCompletionChunk::text)
				.collectList()
				.block();
			assertThat(texts).as("buffers of %d bytes", size).containsExactly("Hel", "lo");
		}
	}

	@Test
	void eventsAfterDoneAreIgnored() {
		StepVerifier.create(decode(FIRST + DONE + SECOND + "data: {not json\n\n" + DONE))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Hel"))
			.verifyComplete();
	}

	@Test
	void doneAloneIsAnEmptyStream() {
		StepVerifier.create(decode(DONE)).verifyComplete();
	}

	@Test
	void doneWithoutItsBlankLineStillEndsTheStream() {
		StepVerifier.create(decode(FIRST + "data: [DONE]\n"))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Hel"))
			.verifyComplete();
	}

	@Test
	void eventsWithEmptyDataAreSkipped() {
		StepVerifier.create(decode("data:\n\n" + FIRST + "data: \n\n" + DONE))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Hel"))
			.verifyComplete();
	}

	@Test
	void errorObjectInTheStreamFailsIt() {
		String error = """
				data: {"error": {"message": "The server is overloaded", "type": "server_error", "code": "overloaded", "param": null}}

				""";
		StepVerifier.create(decode(FIRST + error + SECOND + DONE))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Hel"))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(OpenAiStreamException.class)
					.hasMessage("POST /chat/completions stream failed: The server is overloaded"
							+ " (type=server_error, code=overloaded)");
				OpenAiStreamException streamException = (OpenAiStreamException) ex;
				assertThat(streamException.error())
					.isEqualTo(new OpenAiError("The server is overloaded", "server_error", "overloaded", null));
				assertThat(streamException.requestId()).isEqualTo("req_stream");
			});
	}

	@Test
	void errorEventFailsTheStream() {
		String error = """
				event: error
				data: {"error": {"message": "Too many tokens", "type": "invalid_request_error", "code": 400}}

				""";
		StepVerifier.create(decode(error + FIRST + DONE)).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(OpenAiStreamException.class);
			assertThat(((OpenAiStreamException) ex).error())
				.isEqualTo(new OpenAiError("Too many tokens", "invalid_request_error", "400", null));
		});
	}

	@Test
	void errorEventWithAMessageAtTheRootFailsTheStreamWithThatMessage() {
		String error = """
				event: error
				data: {"message": "key sk-proj-secret123 was revoked"}

				""";
		StepVerifier.create(decode(error + DONE)).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(OpenAiStreamException.class)
				.hasMessage("POST /chat/completions stream failed: key sk-*** was revoked");
			assertThat(((OpenAiStreamException) ex).error())
				.isEqualTo(new OpenAiError("key sk-*** was revoked", null, null, null));
		});
	}

	@Test
	void errorEventWithTextDataFailsTheStreamWithItsText() {
		String error = """
				event: error
				data: upstream connection reset

				""";
		StepVerifier.create(decode(FIRST + error + DONE))
			.assertNext((chunk) -> assertThat(chunk.text()).isEqualTo("Hel"))
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(OpenAiStreamException.class)
					.hasMessage("POST /chat/completions stream failed: upstream connection reset");
				assertThat(((OpenAiStreamException) ex).error())
					.isEqualTo(new OpenAiError("upstream connection reset", null, null, null));
				assertThat(((OpenAiStreamException) ex).requestId()).isEqualTo("req_stream");
			});
	}

	@Test
	void streamEndingWithoutDoneAfterEveryChoiceFinishedEnds() {
		StepVerifier.create(decode(FIRST + SECOND)).expectNextCount(2).verifyComplete();
	}

	@Test
	void streamEndingWithoutDoneBeforeAChoiceFinishedFails() {
		StepVerifier.create(decode(FIRST)).expectNextCount(1).verifyErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(OpenAiStreamException.class)
				.hasMessage("POST /chat/completions stream ended before [DONE]; the answer may be incomplete");
			assertThat(((OpenAiStreamException) ex).error()).isSameAs(OpenAiError.NONE);
			assertThat(((OpenAiStreamException) ex).requestId()).isEqualTo("req_stream");
		});
	}

	@Test
	void streamEndingWithoutDoneAfterSeveralChoicesFinishedEndsOnlyOnceEveryOneDid() {
		String secondChoiceFinished = SECOND.replace("\"index\":0", "\"index\":1");
		StepVerifier.create(decode(FIRST + FIRST.replace("\"index\":0", "\"index\":1") + secondChoiceFinished))
			.expectNextCount(3)
			.verifyError(OpenAiStreamException.class);
		StepVerifier.create(decode(FIRST + secondChoiceFinished + SECOND)).expectNextCount(3).verifyComplete();
	}

	@Test
	void streamEndingWithoutDoneWithAChoiceIndexOutsideTheTrackedOnesFails() {
		// indexes 0 to 63 are tracked; beyond them (or below 0), only [DONE] or the usage
		// chunk ends a stream
		String last = SECOND.replace("\"index\":0", "\"index\":63");
		StepVerifier.create(decode(FIRST.replace("\"index\":0", "\"index\":63") + last))
			.expectNextCount(2)
			.verifyComplete();
		String beyond = SECOND.replace("\"index\":0", "\"index\":64");
		StepVerifier.create(decode(FIRST + beyond + SECOND))
			.expectNextCount(3)
			.verifyError(OpenAiStreamException.class);
		String negative = SECOND.replace("\"index\":0", "\"index\":-1");
		StepVerifier.create(decode(FIRST + negative + SECOND))
			.expectNextCount(3)
			.verifyError(OpenAiStreamException.class);
		StepVerifier.create(decode(FIRST + beyond + SECOND + DONE)).expectNextCount(3).verifyComplete();
	}

	@Test
	void streamCutInsideTheDoneEventFails() {
		StepVerifier.create(decode(FIRST + "data: [DO")).expectNextCount(1).verifyError(OpenAiStreamException.class);
	}

	@Test
	void emptyBodyFails() {
		StepVerifier.create(this.decoder.decode(this.call, this.metadata, Flux.empty()))
			.verifyError(OpenAiStreamException.class);
	}

	@Test
	void malformedChunkFailsWithDecodingException() {
		StepVerifier.create(decode(FIRST + "data: {\"id\": \"chatcmpl-1\", \"choices\": [\n\n" + DONE))
			.expectNextCount(1)
			.verifyErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(OpenAiDecodingException.class)
					.hasMessageStartingWith("Could not read a chunk of POST /chat/completions: ");
				assertThat(((OpenAiDecodingException) ex).requestId()).isEqualTo("req_stream");
				assertThat(ex.getCause()).isNotNull();
			});
	}

	@Test
	void chunkOfTheWrongShapeFailsWithDecodingException() {
		StepVerifier.create(decode("data: [1, 2]\n\n" + DONE)).verifyError(OpenAiDecodingException.class);
	}

	@Test
	void bodyIsDecodedAgainOnResubscription() {
		Flux<ChatCompletionChunk> chunks = this.decoder.decode(this.call, this.metadata,
				Flux.defer(() -> Flux.just(buffer((FIRST + DONE).getBytes(StandardCharsets.UTF_8)))));
		StepVerifier.create(chunks).expectNextCount(1).verifyComplete();
		StepVerifier.create(chunks).expectNextCount(1).verifyComplete();
	}

	private Flux<ChatCompletionChunk> decode(String body) {
		return this.decoder.decode(this.call, this.metadata, Flux.just(buffer(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static DataBuffer buffer(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes);
	}

}
