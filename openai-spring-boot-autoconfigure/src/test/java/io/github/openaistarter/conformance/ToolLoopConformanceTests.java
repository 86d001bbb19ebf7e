package io.github.openaistarter.conformance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsTemplate;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ToolMessage;
import io.github.openaistarter.tool.ChatTool;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.OpenAiTool;
import io.github.openaistarter.tool.ToolCallFailedException;
import io.github.openaistarter.tool.ToolConversation;
import io.github.openaistarter.tool.ToolErrorHandling;
import io.github.openaistarter.tool.ToolParam;
import io.github.openaistarter.tool.ToolRoundsExceededException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tool loops against {@code ../shared/openai-fake}, which checks every strict function
 * schema, calls the tools the last user text names with arguments made from their
 * schemas, enforces that every tool call is answered, and answers
 * {@code echo: <tool results>} once the conversation ends with them: blocking and
 * reactive, in parallel or one call a round, bounded, failures reported to the model or
 * aborting; no violation at the end.
 */
@Timeout(60)
class ToolLoopConformanceTests {

	private static SharedOpenAiFake fake;

	private static ChatCompletionsOperations chat;

	private static ReactiveChatCompletionsOperations reactiveChat;

	record Weather(String city, int celsius) {
	}

	enum Unit {

		CELSIUS, FAHRENHEIT

	}

	/**
	 * Two tools that each wait for the other to start: they finish only if they run at
	 * the same time.
	 */
	static final class Together {

		private final CountDownLatch started = new CountDownLatch(2);

		@OpenAiTool(description = "The current weather in a city")
		Weather weather(@ToolParam(description = "The city, in English") String city, @Nullable Unit unit)
				throws InterruptedException {
			meet();
			return new Weather(city, 21);
		}

		@OpenAiTool(name = "local_time", description = "The local time in a city")
		String time(String city) throws InterruptedException {
			meet();
			return "12:00";
		}

		private void meet() throws InterruptedException {
			this.started.countDown();
			if (!this.started.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the other tool did not run at the same time");
			}
		}

	}

	static final class Sequential {

		private final AtomicInteger running = new AtomicInteger();

		@OpenAiTool
		String weather(String city) {
			return once("sunny in " + city);
		}

		@OpenAiTool(name = "local_time")
		String time(String city) {
			return once("noon");
		}

		private String once(String result) {
			if (this.running.incrementAndGet() > 1) {
				throw new IllegalStateException("two tools ran at once");
			}
			this.running.decrementAndGet();
			return result;
		}

	}

	@BeforeAll
	static void startFake() throws Exception {
		fake = SharedOpenAiFake.start();
		ChatCompletionsClient client = fake.client("sk-tools", "gpt-4.1-mini");
		chat = new ChatCompletionsTemplate(client);
		reactiveChat = new ReactiveChatCompletionsTemplate(client);
	}

	@AfterAll
	static void noViolations() {
		SharedOpenAiFake.stopWithoutViolations(fake);
	}

	private static ChatCompletionRequest ask(String text) {
		return ChatCompletionRequest.of(List.of(ChatMessage.user(text)));
	}

	@Test
	void twoToolsOfOneAnswerRunInParallelAndTheirResultsGoBackInOrder() {
		ToolConversation answer = chat.createWithTools(ask("call weather and local_time for Paris"),
				ChatTools.from(new Together()));
		assertThat(answer.rounds()).isEqualTo(2);
		assertThat(answer.toolCalls()).isEqualTo(2);
		assertThat(answer.text())
			.isEqualTo("echo: {\"city\":\"call weather and local_time for Paris\",\"celsius\":21}; 12:00");
		assertThat(answer.messages()).hasSize(5);
		assertThat(answer.messages().get(2)).isInstanceOf(ToolMessage.class);
		StepVerifier
			.create(reactiveChat.createWithTools(ask("call local_time and weather"), ChatTools.from(new Together())))
			.assertNext((reactive) -> assertThat(reactive.text())
				.isEqualTo("echo: 12:00; {\"city\":\"call local_time and weather\",\"celsius\":21}"))
			.verifyComplete();
	}

	@Test
	void streamedTheChunksOfEveryRoundArriveAsOneStream() {
		List<ChatCompletionChunk> chunks;
		try (Stream<ChatCompletionChunk> stream = chat.streamWithTools(ask("call weather and local_time for Lima"),
				ChatTools.from(new Together()))) {
			chunks = stream.toList();
		}
		assertThat(chunks.stream()
			.flatMap((chunk) -> chunk.choices().stream())
			.flatMap((choice) -> choice.delta().toolCalls().stream())
			.filter((call) -> call.function() != null && call.function().name() != null)
			.map((call) -> call.function().name())).containsExactly("weather", "local_time");
		assertThat(chunks.stream().map(ChatCompletionChunk::text).collect(Collectors.joining()))
			.isEqualTo("echo: {\"city\":\"call weather and local_time for Lima\",\"celsius\":21}; 12:00");
		StepVerifier
			.create(reactiveChat.streamWithTools(ask("call local_time"), ChatTools.from(new Sequential()))
				.map(ChatCompletionChunk::text)
				.collect(Collectors.joining()))
			.expectNext("echo: noon")
			.verifyComplete();
		StepVerifier
			.create(reactiveChat
				.streamWithTools(ask("call weather forever"), ChatTools.from(new Sequential()).withMaxRounds(2))
				.then())
			.expectError(ToolRoundsExceededException.class)
			.verify();
	}

	@Test
	void withoutParallelToolCallsEachToolTakesARound() {
		ChatCompletionRequest request = ask("call weather and local_time for Oslo").mutate()
			.parallelToolCalls(false)
			.build();
		ToolConversation answer = chat.createWithTools(request, ChatTools.from(new Sequential()));
		assertThat(answer.rounds()).isEqualTo(3);
		assertThat(answer.toolCalls()).isEqualTo(2);
		assertThat(answer.text()).isEqualTo("echo: sunny in call weather and local_time for Oslo; noon");
	}

	@Test
	void foreverStopsAtTheBoundWithTheConversationSoFar() {
		ChatTools tools = ChatTools.from(new Sequential()).withMaxRounds(3);
		assertThatExceptionOfType(ToolRoundsExceededException.class)
			.isThrownBy(() -> chat.createWithTools(ask("call weather forever"), tools))
			.satisfies((ex) -> {
				assertThat(ex.maxRounds()).isEqualTo(3);
				assertThat(ex.messages()).hasSize(1 + 2 * 2);
				assertThat(ex.lastCompletion().message().toolCalls()).hasSize(1);
				assertThat(ex.getMessage()).contains("after 3 rounds", "[weather]");
			});
		StepVerifier.create(reactiveChat.createWithTools(ask("call weather forever"), tools))
			.expectError(ToolRoundsExceededException.class)
			.verify();
	}

	@Test
	void aFailingToolIsReportedToTheModelOrAbortsTheLoop() {
		ChatTool broken = ChatTool.of("lookup", "Looks a word up", Weather.class, (query) -> {
			throw new IllegalStateException("dictionary offline");
		});
		ToolConversation reported = chat.createWithTools(ask("call lookup"), ChatTools.of(broken));
		assertThat(reported.text()).isEqualTo("echo: Error: IllegalStateException: dictionary offline");
		assertThatExceptionOfType(ToolCallFailedException.class)
			.isThrownBy(() -> chat.createWithTools(ask("call lookup"),
					ChatTools.of(broken).withErrorHandling(ToolErrorHandling.ABORT)))
			.satisfies((ex) -> {
				assertThat(ex.toolName()).isEqualTo("lookup");
				assertThat(ex.getCause()).hasMessage("dictionary offline");
				assertThat(ex.messages()).hasSize(1);
			});
	}

	@Test
	void aSlowToolTimesOutAndTheModelIsTold() {
		ChatTool slow = ChatTool.of("slow", null, Weather.class, (query) -> {
			try {
				Thread.sleep(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return "late";
		});
		ToolConversation answer = chat.createWithTools(ask("call slow"),
				ChatTools.of(slow).withToolTimeout(Duration.ofMillis(200)));
		assertThat(answer.text()).isEqualTo("echo: Error: the tool did not answer within 200 ms");
	}

	@Test
	void theFinalAnswerCanBeARecord() {
		Weather weather = chat.createWithTools(ask("call local_time for Rome"), ChatTools.from(new Sequential()),
				Weather.class);
		assertThat(weather.city()).isEqualTo("call local_time for Rome");
	}

}
