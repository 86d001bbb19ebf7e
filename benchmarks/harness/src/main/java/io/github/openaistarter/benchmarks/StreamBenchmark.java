package io.github.openaistarter.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Streamed answers of {@value BenchmarkTarget#STREAM_CHUNKS} chunks, one after another on one thread; results
 * are per chunk (the stream's own cost spread over its chunks). The suite runs the peers with {@code -p client=}
 * on their own classpaths.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamBenchmark {

	@Param({ "ours-reactive", "ours-blocking", "openai-java", "floor" })
	public String client;

	private BenchmarkTarget target;

	@Setup(Level.Trial)
	public void open() {
		this.target = new BenchmarkTarget(this.client);
		int chunks = this.target.client.stream((created) -> {
		});
		// a peer hands over what its API has per chunk: LangChain4j the content chunks only, its other chunks going
		// into the final response; the figures stay per chunk on the wire, which every client decodes
		boolean peer = ClientKind.of(this.client).isPeer();
		if (peer ? (chunks < BenchmarkTarget.STREAM_CONTENT_CHUNKS || chunks > BenchmarkTarget.STREAM_CHUNKS)
				: chunks != BenchmarkTarget.STREAM_CHUNKS) {
			throw new IllegalStateException(this.client + " received " + chunks + " chunks");
		}
	}

	@TearDown(Level.Trial)
	public void close() {
		this.target.close();
	}

	@Benchmark
	@OperationsPerInvocation(BenchmarkTarget.STREAM_CHUNKS)
	public int stream(Blackhole blackhole) {
		return this.target.client.stream(blackhole::consume);
	}

}
