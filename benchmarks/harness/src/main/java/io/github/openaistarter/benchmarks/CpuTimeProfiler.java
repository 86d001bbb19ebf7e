package io.github.openaistarter.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, of the whole benchmark JVM: the calling thread, the client's event loops and
 * dispatcher threads, GC and JIT alike ({@code cpu.time.norm}, ns/op). The stand-in runs in a process of its
 * own, so none of its work is counted. Unlike the average time of a call, it does not include waiting for the
 * server, so it is the client's cost. {@code perf} counters are not available on every machine; this is.
 */
public final class CpuTimeProfiler implements InternalProfiler {

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long startCpu;

	@Override
	public String getDescription() {
		return "Process CPU time per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.startCpu = this.os.getProcessCpuTime();
	}

	@Override
	public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
			IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.startCpu;
		long ops = result.getMetadata().getAllOps();
		double perOp = (ops > 0) ? (double) cpu / ops : Double.NaN;
		return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
	}

}
