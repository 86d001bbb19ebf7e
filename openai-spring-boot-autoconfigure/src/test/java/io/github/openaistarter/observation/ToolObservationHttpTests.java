package io.github.openaistarter.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.tool.ChatTool;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.ToolConversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The observations of a tool loop over HTTP: one {@code openai.tool_loop} per loop,
 * parent of the model calls of its rounds and of one {@code gen_ai.execute_tool} per tool
 * call (a timer per tool), blocking and reactive; content only when asked; cancelling
 * mid-round interrupts the running tool.
 */
class ToolObservationHttpTests extends ObservationHttpTestSupport {

	record Location(String location) {
	}

	private static final ChatCompletionRequest ASK = ChatCompletionRequest.builder()
		.model(MODEL)
		.message(ChatMessage.user("Weather in Boston?"))
		.build();

	private ChatTools tools(boolean includeContent) {
		ChatTool weather = ChatTool.of("get_current_weather", "The weather", Location.class,
				(query) -> "sunny in " + query.location());
		return ChatTools.of(weather).withObservations(this.registry, includeContent);
	}

	@Test
	void theLoopIsTheParentOfItsModelCallsAndToolCallsBlocking() throws InterruptedException {
		enqueueJson("chat-completion-tool-calls.json");
		enqueueJson("chat-completion.json");
		ToolConversation answer = this.chat.createWithTools(ASK, tools(false));
		assertThat(answer.rounds()).isEqualTo(2);
		assertStructure(false);
	}

	@Test
	void theLoopIsTheParentOfItsModelCallsAndToolCallsReactiveWithContent() throws InterruptedException {
		enqueueJson("chat-completion-tool-calls.json");
		enqueueJson("chat-completion.json");
		ToolConversation answer = this.reactive.createWithTools(ASK, tools(true)).block();
		assertThat(answer.toolCalls()).isEqualTo(2);
		assertStructure(true);
	}

	private void assertStructure(boolean content) throws InterruptedException {
		this.server.takeRequest();
		RecordedRequest second = this.server.takeRequest();
		assertThat(second.getBody().utf8()).contains(
				"\"tool_call_id\":\"call_abc123\",\"content\":\"sunny in Boston, MA\"",
				"\"tool_call_id\":\"call_def456\",\"content\":\"Error: there is no tool named 'code_exec'");
		List<Observation.Context> handled = handled();
		Observation.Context loop = single(handled, "openai.tool_loop");
		assertThat(lowKeys(loop)).isEqualTo(map("outcome", "success", "error.type", "none"));
		assertThat(highKeys(loop)).isEqualTo(map("openai.tool_loop.rounds", "2", "openai.tool_loop.tool_calls", "2"));
		assertThat(observations()).hasSize(2).allSatisfy((call) -> assertThat(parentOf(call)).isSameAs(loop));
		List<Observation.Context> tools = handled.stream()
			.filter((context) -> "gen_ai.execute_tool".equals(context.getName()))
			.toList();
		assertThat(tools).hasSize(2).allSatisfy((tool) -> {
			assertThat(parentOf(tool)).isSameAs(loop);
			assertThat(isStopped(tool)).isTrue();
		});
		assertThat(tools.get(0).getContextualName()).isEqualTo("execute_tool get_current_weather");
		assertThat(lowKeys(tools.get(0))).isEqualTo(map("gen_ai.operation.name", "execute_tool", "gen_ai.tool.name",
				"get_current_weather", "gen_ai.tool.type", "function", "outcome", "success", "error.type", "none"));
		assertThat(lowKeys(tools.get(1))).containsEntry("gen_ai.tool.name", "code_exec")
			.containsEntry("outcome", "error")
			.containsEntry("error.type", "UnknownToolException");
		assertThat(highKeys(tools.get(0))).containsEntry("gen_ai.tool.call.id", "call_abc123");
		if (content) {
			assertThat(highKeys(tools.get(0)))
				.containsEntry("gen_ai.tool.call.arguments", "{\n\"location\": \"Boston, MA\"\n}")
				.containsEntry("gen_ai.tool.call.result", "sunny in Boston, MA");
		}
		else {
			assertThat(highKeys(tools.get(0))).doesNotContainKeys("gen_ai.tool.call.arguments",
					"gen_ai.tool.call.result");
		}
		assertThat(
				this.meters.get("gen_ai.execute_tool").tag("gen_ai.tool.name", "get_current_weather").timer().count())
			.isEqualTo(1);
	}

	@Test
	void aStreamedLoopIsObservedTheSameWayReactive() {
		enqueueStreams();
		List<String> texts = this.reactive.streamWithTools(ASK, tools(false))
			.map(ChatCompletionChunk::text)
			.collectList()
			.block();
		assertStreamedStructure(texts);
	}

	@Test
	void aStreamedLoopIsObservedTheSameWayBlocking() {
		enqueueStreams();
		List<String> texts;
		try (Stream<ChatCompletionChunk> chunks = this.chat.streamWithTools(ASK, tools(false))) {
			texts = chunks.map(ChatCompletionChunk::text).toList();
		}
		assertStreamedStructure(texts);
	}

	private void enqueueStreams() {
		enqueue(eventStream(sse("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":"
				+ "\"function\",\"function\":{\"name\":\"get_current_weather\",\"arguments\":\"\"}}]}", null)
				+ sse("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"location\\\":\\\"Oslo\\\"}\"}}]}",
						null)
				+ sse("{}", "tool_calls") + "data: [DONE]\n\n")
			.build());
		enqueue(eventStream(
				sse("{\"role\":\"assistant\",\"content\":\"Sunny\"}", null) + sse("{}", "stop") + "data: [DONE]\n\n")
			.build());
	}

	private void assertStreamedStructure(List<String> texts) {
		assertThat(String.join("", texts)).isEqualTo("Sunny");
		List<Observation.Context> handled = handled();
		Observation.Context loop = single(handled, "openai.tool_loop");
		assertThat(highKeys(loop)).isEqualTo(map("openai.tool_loop.rounds", "2", "openai.tool_loop.tool_calls", "1"));
		assertThat(observations()).hasSize(2).allSatisfy((call) -> {
			assertThat(parentOf(call)).isSameAs(loop);
			assertThat(lowKeys(call)).containsEntry("openai.streaming", "true");
		});
		assertThat(single(handled, "gen_ai.execute_tool")).satisfies((tool) -> {
			assertThat(parentOf(tool)).isSameAs(loop);
			assertThat(lowKeys(tool)).containsEntry("outcome", "success");
		});
	}

	private static String sse(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"" + MODEL
				+ "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
				+ ((finishReason != null) ? "\"" + finishReason + "\"" : "null") + "}]}\n\n";
	}

	@Test
	void cancellingMidRoundInterruptsTheRunningToolAndSendsNothingMore() {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		ChatTool slow = slowTool(started, interrupted);
		enqueueJson("chat-completion-tool-calls.json");
		Disposable loop = this.reactive
			.createWithTools(ASK,
					ChatTools.of(slow).withObservations(this.registry, false).withToolTimeout(Duration.ofMinutes(1)))
			.subscribe();
		await().until(() -> started.await(0, TimeUnit.MILLISECONDS));
		loop.dispose();
		await().untilTrue(interrupted);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		await().untilAsserted(() -> {
			Observation.Context tool = handled().stream()
				.filter((context) -> "execute_tool get_current_weather".equals(context.getContextualName()))
				.findFirst()
				.orElseThrow();
			assertThat(lowKeys(tool)).containsEntry("outcome", "cancelled");
			assertThat(lowKeys(single(handled(), "openai.tool_loop"))).containsEntry("outcome", "cancelled");
		});
	}

	@Test
	void closingABlockingStreamMidRoundInterruptsTheRunningTool() {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		ChatTool slow = slowTool(started, interrupted);
		enqueueStreams();
		Stream<ChatCompletionChunk> chunks = this.chat.streamWithTools(ASK,
				ChatTools.of(slow).withObservations(this.registry, false));
		new Thread(() -> chunks.forEach((chunk) -> {
		})).start();
		await().until(() -> started.await(0, TimeUnit.MILLISECONDS));
		chunks.close();
		await().untilTrue(interrupted);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	/** A tool that says it started, then sleeps until interrupted, and says so. */
	private static ChatTool slowTool(CountDownLatch started, AtomicBoolean interrupted) {
		return ChatTool.of("get_current_weather", null, Location.class, (query) -> {
			started.countDown();
			try {
				Thread.sleep(30_000);
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
			}
			return "late";
		});
	}

	private static Observation.Context single(List<Observation.Context> contexts, String name) {
		List<Observation.Context> matching = contexts.stream()
			.filter((context) -> name.equals(context.getName()))
			.toList();
		assertThat(matching).as("observations named %s", name).hasSize(1);
		return matching.get(0);
	}

	private static Object parentOf(Observation.Context context) {
		return (context.getParentObservation() != null) ? context.getParentObservation().getContextView() : null;
	}

}
