package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.tool.ChatTool;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.ToolConversation;
import io.github.openaistarter.tool.ToolLoop;

/**
 * The tool loop's own cost, next to a plain create in the same run. {@code tool-loop}: a loop of two rounds
 * whose model is a function answering decoded completions at once (first two tool calls, then the final text)
 * and whose two tools return a constant, so only the loop is measured: the request copies, reading the
 * arguments, running the calls in parallel on the bounded elastic scheduler, writing the results, and the
 * (no-op) observations. The report divides by the 2 rounds. {@code plain-create}: the blocking client's create
 * against the stand-in on loopback.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ToolLoopBenchmark {

	/** The model calls of one measured loop. */
	static final int ROUNDS = 2;

	record CityQuery(String city) {
	}

	@Param({ "plain-create", "tool-loop" })
	public String call;

	private ServerProcess ownServer;

	private StarterClient starter;

	private ChatCompletionsOperations chat;

	private ToolLoop loop;

	private ChatCompletion toolCalls;

	private ChatCompletion answer;

	@Setup(Level.Trial)
	public void open() throws IOException {
		if (this.call.equals("plain-create")) {
			int port = Integer.getInteger("bench.port", -1);
			if (port < 0) {
				this.ownServer = ServerProcess.start();
				port = this.ownServer.port();
			}
			this.starter = StarterClient.blocking(StandInUrl.of(port, 0, 100, false));
			this.chat = this.starter.context().getBean(ChatCompletionsOperations.class);
			return;
		}
		JsonMapper json = OpenAiJson.createMapper();
		this.toolCalls = json.readValue(completion("null", "[" + call("call_1", "weather") + ","
				+ call("call_2", "local_time") + "]", "tool_calls"), ChatCompletion.class);
		this.answer = json.readValue(completion("\"It is sunny and noon in Paris.\"", "[]", "stop"), ChatCompletion.class);
		this.loop = new ToolLoop(ChatTools.of(ChatTool.of("weather", "The weather", CityQuery.class, (q) -> "sunny"),
				ChatTool.of("local_time", "The local time", CityQuery.class, (q) -> "noon")));
		ToolConversation conversation = run();
		if (conversation.rounds() != ROUNDS || conversation.messages().size() != StarterClient.REQUEST.messages().size() + 4) {
			throw new IllegalStateException("The loop ran " + conversation);
		}
	}

	@TearDown(Level.Trial)
	public void close() {
		if (this.starter != null) {
			this.starter.close();
		}
		if (this.ownServer != null) {
			this.ownServer.close();
		}
	}

	@Benchmark
	public Object measure() {
		return this.call.equals("plain-create") ? this.chat.create(StarterClient.REQUEST) : run();
	}

	private ToolConversation run() {
		return this.loop.run(StarterClient.REQUEST, (request) -> Mono
			.just((request.messages().get(request.messages().size() - 1).role().equals("tool")) ? this.answer
					: this.toolCalls))
			.block();
	}

	private static String call(String id, String name) {
		return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name
				+ "\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}";
	}

	private static String completion(String content, String toolCalls, String finishReason) {
		return "{\"id\":\"chatcmpl-loop\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o-mini\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + content
				+ ",\"refusal\":null,\"tool_calls\":" + toolCalls + "},\"finish_reason\":\"" + finishReason + "\"}],"
				+ "\"usage\":{\"prompt_tokens\":98,\"completion_tokens\":20,\"total_tokens\":118}}";
	}

}
