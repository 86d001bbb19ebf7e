package io.github.openaistarter.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.StreamOptions;
import io.github.openaistarter.chat.model.Tool;
import io.github.openaistarter.chat.model.ToolCallDelta;
import io.github.openaistarter.chat.model.ToolChoice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streamed completions ({@code "stream": true}) through the real client.
 */
@ExtendWith(OpenAiFakeExtension.class)
class StreamTests {

	private static final Tool WEATHER = Tool.function("get_weather", null, Map.of("type", "object"));

	private final OpenAiFakeServer fake;

	private final ChatCompletionsOperations chat;

	StreamTests(OpenAiFakeServer fake) {
		this.fake = fake;
		this.chat = Clients.chat(fake);
	}

	@Test
	void streamsTheAnswerWordByWordThenTheUsage() {
		List<ChatCompletionChunk> chunks = chunks(this.chat, request("hello there world"));
		assertThat(chunks.get(0).choices().get(0).delta().role()).isEqualTo("assistant");
		assertThat(chunks).extracting(ChatCompletionChunk::text)
			.containsExactly("", "echo:", " hello", " there", " world", "", "");
		assertThat(chunks.get(5).choices().get(0).finishReason()).isEqualTo(FinishReason.STOP);
		ChatCompletionChunk usage = chunks.get(6);
		assertThat(usage.choices()).isEmpty();
		assertThat(usage.usage().completionTokens()).isEqualTo(4);
		assertThat(chunks.subList(0, 6)).allSatisfy((chunk) -> assertThat(chunk.usage()).isNull());
		assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
		assertThat(this.fake.lastRequest().json().path("stream_options").path("include_usage").asBoolean()).isTrue();
	}

	@Test
	void sendsNoUsageChunkUnlessAsked() {
		ChatCompletionRequest request = request("hi").mutate().streamOptions(new StreamOptions(false, null)).build();
		List<ChatCompletionChunk> chunks = chunks(this.chat, request);
		assertThat(chunks).hasSize(4).allSatisfy((chunk) -> assertThat(chunk.choices()).hasSize(1));
	}

	@Test
	void rebuildsTheCompletionFromTheChunks() {
		List<String> pieces = new ArrayList<>();
		ChatCompletion completion = this.chat.stream(request("one two three"), (chunk) -> pieces.add(chunk.text()));
		assertThat(completion.text()).isEqualTo("echo: one two three");
		assertThat(String.join("", pieces)).isEqualTo("echo: one two three");
		assertThat(completion.usage().promptTokens()).isEqualTo(6);
	}

	@Test
	void cutsChunksByCharactersAndPausesBetweenThem() {
		try (OpenAiFakeServer slow = OpenAiFakeServer.builder()
			.streamChunkCharacters(4)
			.streamChunkDelay(Duration.ofMillis(60))
			.start()) {
			List<Long> arrivals = new ArrayList<>();
			List<String> pieces = new ArrayList<>();
			Clients.chat(slow).stream(request("héllo wörld"), (chunk) -> {
				arrivals.add(System.nanoTime());
				pieces.add(chunk.text());
			});
			assertThat(pieces).containsExactly("", "echo", ": hé", "llo ", "wörl", "d", "", "");
			// one by one, not buffered: the last chunk arrives well after the first
			assertThat(Duration.ofNanos(arrivals.get(arrivals.size() - 1) - arrivals.get(0)))
				.isGreaterThanOrEqualTo(Duration.ofMillis(60 * 6));
		}
	}

	@Test
	void cutsChunksBySeveralWords() {
		try (OpenAiFakeServer twoWords = OpenAiFakeServer.builder().streamChunkWords(2).start()) {
			assertThat(chunks(Clients.chat(twoWords), request("a b c"))).extracting(ChatCompletionChunk::text)
				.containsExactly("", "echo: a", " b c", "", "");
		}
	}

	@Test
	void streamsAToolCallInFragments() {
		this.fake.answerWithToolCall("get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}");
		ChatCompletionRequest request = request("Weather?").mutate()
			.tools(List.of(WEATHER))
			.toolChoice(ToolChoice.REQUIRED)
			.build();
		List<ChatCompletionChunk> chunks = chunks(this.chat, request);
		List<ToolCallDelta> deltas = chunks.stream()
			.flatMap((chunk) -> chunk.choices().stream())
			.flatMap((choice) -> choice.delta().toolCalls().stream())
			.toList();
		ToolCallDelta first = deltas.get(0);
		assertThat(first.id()).startsWith("call_");
		assertThat(first.type()).isEqualTo("function");
		assertThat(first.function().name()).isEqualTo("get_weather");
		assertThat(first.function().arguments()).isEmpty();
		assertThat(deltas.subList(1, deltas.size())).hasSizeGreaterThan(3).allSatisfy((delta) -> {
			assertThat(delta.id()).isNull();
			assertThat(delta.function().name()).isNull();
			assertThat(delta.function().arguments()).hasSizeLessThanOrEqualTo(8);
		});
		assertThat(deltas.stream().map((delta) -> delta.function().arguments()).collect(Collectors.joining()))
			.isEqualTo("{\"city\":\"Paris\",\"unit\":\"celsius\"}");

		ChatCompletion completion = this.chat.stream(request, (chunk) -> {
		});
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
		assertThat(completion.message().toolCalls()).singleElement().satisfies((call) -> {
			assertThat(call.function().name()).isEqualTo("get_weather");
			assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\",\"unit\":\"celsius\"}");
		});
	}

	@Test
	void streamsNChoices() {
		ChatCompletion completion = this.chat.stream(request("hi").mutate().n(2).build(), (chunk) -> {
		});
		assertThat(completion.choices()).extracting((choice) -> choice.message().text())
			.containsExactly("echo: hi (1)", "echo: hi (2)");
	}

	@Test
	void storesAStreamedCompletion() {
		ChatCompletion streamed = this.chat.stream(request("keep me").mutate().store(true).build(), (chunk) -> {
		});
		ChatCompletion stored = this.chat.retrieve(streamed.id());
		assertThat(stored.text()).isEqualTo("echo: keep me");
		assertThat(this.chat.list().data()).extracting(ChatCompletion::id).containsExactly(streamed.id());
	}

	@Test
	void streamsToTheReactiveClient() {
		List<String> texts = Clients.reactiveChat(this.fake)
			.stream(request("hi"))
			.map(ChatCompletionChunk::text)
			.collectList()
			.block();
		assertThat(texts).containsExactly("", "echo:", " hi", "", "");
	}

	@Test
	void answersTheEventStreamMediaType() {
		chunks(this.chat, request("hi"));
		assertThat(this.fake.lastRequest().header("accept")).contains("text/event-stream");
	}

	static ChatCompletionRequest request(String text) {
		return ChatCompletionRequest.of(List.of(ChatMessage.user(text)));
	}

	static List<ChatCompletionChunk> chunks(ChatCompletionsOperations chat, ChatCompletionRequest request) {
		try (Stream<ChatCompletionChunk> chunks = chat.stream(request)) {
			return chunks.toList();
		}
	}

}
