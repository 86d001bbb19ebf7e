package io.github.openaistarter.benchmarks;

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

/**
 * One plain create call after another on one thread: time per call on loopback, and, with the suite's
 * profilers, CPU time and bytes allocated per call. The suite runs the peers with {@code -p client=} on their own
 * classpaths.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CreateBenchmark {

	/**
	 * The clients of the full run; {@code benchmarks/run webclient} adds the transports'
	 * floors (WebClient, Spring's connector) and openai-java's asynchronous API.
	 */
	@Param({ "ours-reactive", "ours-blocking", "openai-java", "floor" })
	public String client;

	private BenchmarkTarget target;

	@Setup(Level.Trial)
	public void open() {
		this.target = new BenchmarkTarget(this.client);
		String text = this.target.client.text(this.target.client.create());
		if (!text.equals(Payloads.ANSWER)) {
			throw new IllegalStateException(this.client + " decoded the wrong answer: " + text);
		}
	}

	@TearDown(Level.Trial)
	public void close() {
		this.target.close();
	}

	@Benchmark
	public Object create() {
		return this.target.client.create();
	}

}
