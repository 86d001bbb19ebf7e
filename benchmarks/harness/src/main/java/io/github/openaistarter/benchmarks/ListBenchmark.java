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
 * One page of {@value Payloads#PAGE_SIZE} stored completions after another on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListBenchmark {

	@Param({ "ours-reactive", "floor" })
	public String client;

	private BenchmarkTarget target;

	@Setup(Level.Trial)
	public void open() {
		this.target = new BenchmarkTarget(this.client);
		this.target.client.list();
	}

	@TearDown(Level.Trial)
	public void close() {
		this.target.close();
	}

	@Benchmark
	public Object list() {
		return this.target.client.list();
	}

}
