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

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;

/**
 * What a typed create costs over a plain one: both receive the same completion, whose content is a
 * {@link PackingList}'s JSON; the plain call returns the {@code ChatCompletion}, the typed one also asks for the
 * type's strict schema (generated once, cached) and reads the content into a {@code PackingList}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StructuredCreateBenchmark {

	@Param({ "ours-blocking" })
	public String client;

	@Param({ "plain", "typed" })
	public String call;

	private ServerProcess ownServer;

	private StarterClient starter;

	private ChatCompletionsOperations blocking;

	private ReactiveChatCompletionsOperations reactive;

	@Setup(Level.Trial)
	public void open() throws IOException {
		int port = Integer.getInteger("bench.port", -1);
		if (port < 0) {
			this.ownServer = ServerProcess.start();
			port = this.ownServer.port();
		}
		String baseUrl = "http://127.0.0.1:" + port + "/l0-j/v1";
		this.starter = StarterClient.blocking(baseUrl);
		this.blocking = this.starter.context().getBean(ChatCompletionsOperations.class);
		this.reactive = this.starter.context().getBean(ReactiveChatCompletionsOperations.class);
		PackingList list = this.blocking.create(StarterClient.REQUEST, PackingList.class);
		if (list.items().size() != Payloads.PACKING_LIST_ITEMS || list.season() != PackingList.Season.SUMMER) {
			throw new IllegalStateException("The typed create read the wrong answer: " + list);
		}
	}

	@TearDown(Level.Trial)
	public void close() {
		this.starter.close();
		if (this.ownServer != null) {
			this.ownServer.close();
		}
	}

	@Benchmark
	public Object create() {
		boolean typed = this.call.equals("typed");
		if (this.client.equals("ours-reactive")) {
			return typed ? this.reactive.create(StarterClient.REQUEST, PackingList.class).block()
					: this.reactive.create(StarterClient.REQUEST).block();
		}
		return typed ? this.blocking.create(StarterClient.REQUEST, PackingList.class)
				: this.blocking.create(StarterClient.REQUEST);
	}

}
