package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Drives one client in a JVM of its own and prints one result line per measure, for the suite to read.
 * <ul>
 * <li>{@code load}: a closed loop of {@code C} calls in flight against the stand-in with a fixed latency, for
 * each concurrency; asynchronous clients through their own asynchronous API, blocking ones on {@code C}
 * threads (virtual when the JVM has them). Prints {@code LOAD} lines: calls completed per second, latency
 * percentiles, client CPU per call and the JIT's and GC's time, over a window after a ramp-up. First, a JIT
 * warm-up of the same client at the highest level. With {@code profile=PREFIX}, the last level's window is
 * profiled ({@link WindowProfile}).</li>
 * <li>{@code chunks}: streams of stamped chunks, one after another; prints a {@code CHUNKS} line with the delay
 * from the stand-in writing a chunk to the subscriber receiving it, for the first chunk of each stream and for
 * every chunk.</li>
 * </ul>
 * Arguments: {@code mode client port [key=value...]}.
 */
public final class LoadDriver {

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

	private LoadDriver() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		ClientKind kind = ClientKind.of(args[1]);
		int port = Integer.parseInt(args[2]);
		Map<String, String> options = options(args, 3);
		if (mode.equals("load")) {
			load(kind, port, options);
		}
		else {
			chunks(kind, port, options);
		}
		System.exit(0);
	}

	/**
	 * The {@code key=value} arguments of a driver's command line.
	 * @param args the arguments
	 * @param from the index of the first {@code key=value} argument
	 * @return the options by key
	 */
	static Map<String, String> options(String[] args, int from) {
		Map<String, String> options = new HashMap<>();
		for (int i = from; i < args.length; i++) {
			String[] pair = args[i].split("=", 2);
			options.put(pair[0], pair[1]);
		}
		return options;
	}

	private static void load(ClientKind kind, int port, Map<String, String> options) throws Exception {
		int latency = Integer.parseInt(options.getOrDefault("latency", "100"));
		double warmup = Double.parseDouble(options.getOrDefault("warmup", "4"));
		double ramp = Double.parseDouble(options.getOrDefault("ramp", "2"));
		double measure = Double.parseDouble(options.getOrDefault("measure", "6"));
		int[] levels = Arrays.stream(options.getOrDefault("concurrency", "64,1000,1").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		try (BenchClient client = kind.create(StandInUrl.of(port, latency, 10, false))) {
			// JIT warm-up of the client measured, on the paths the measure runs: at the most calls in flight, with
			// the latency. One at 8 in flight without latency left the compiler busy through the window, the more
			// so the more code a client runs.
			run(client, kind, Arrays.stream(levels).max().orElse(1), 0, warmup, port, null);
			OldGeneration.promoteWhatIsSetUp();
			String profilePrefix = options.get("profile");
			for (int i = 0; i < levels.length; i++) {
				int level = levels[i];
				// profile=PREFIX profiles the last level's window (benchmarks/run profile)
				WindowProfile profile = (profilePrefix != null && i == levels.length - 1)
						? new WindowProfile(Path.of(profilePrefix)) : null;
				Result result = run(client, kind, level, ramp, measure, port, profile);
				result.summarize();
				if (profile != null) {
					profile.window(result.calls, result.seconds, result.cpuNanos, result.allocatedBytes);
				}
				System.out.printf(java.util.Locale.ROOT,
						"LOAD client=%s concurrency=%d calls=%d seconds=%.3f throughput=%.1f p50_ms=%.2f p99_ms=%.2f"
								+ " max_ms=%.2f errors=%d cpu_us_per_call=%.1f alloc_kb_per_call=%.1f jit_ms=%d gc_ms=%d%n",
						kind.id(), level, result.calls, result.seconds, result.calls / result.seconds,
						result.percentile(0.50) / 1e6, result.percentile(0.99) / 1e6, result.percentile(1.0) / 1e6,
						result.errors.get(), (result.calls > 0) ? result.cpuNanos / 1e3 / result.calls : Double.NaN,
						(result.calls > 0) ? result.allocatedBytes / 1024.0 / result.calls : Double.NaN, result.jitMillis,
						result.gcMillis);
				System.out.flush();
			}
		}
	}

	/** Runs {@code concurrency} calls in flight for {@code ramp + measure} seconds; records the window after the ramp. */
	private static Result run(BenchClient client, ClientKind kind, int concurrency, double ramp, double measure,
			int port, @Nullable WindowProfile profile) throws InterruptedException, IOException {
		long start = System.nanoTime();
		Result result = new Result(start + (long) (ramp * 1e9), start + (long) ((ramp + measure) * 1e9));
		AtomicInteger inFlight = new AtomicInteger();
		if (client.isAsync()) {
			for (int i = 0; i < concurrency; i++) {
				inFlight.incrementAndGet();
				issue(client, result, inFlight);
			}
		}
		else {
			ExecutorService threads = VirtualThreads.perTaskExecutor();
			for (int i = 0; i < concurrency; i++) {
				inFlight.incrementAndGet();
				threads.execute(() -> {
					try {
						while (!result.isOver()) {
							long t0 = System.nanoTime();
							try {
								client.create();
								result.record(t0, System.nanoTime());
							}
							catch (RuntimeException ex) {
								result.error(ex);
							}
						}
					}
					finally {
						inFlight.decrementAndGet();
					}
				});
			}
			threads.shutdown();
		}
		long cpuStart = -1;
		long jitStart = -1;
		long gcStart = -1;
		long allocatedStart = -1;
		while (System.nanoTime() < result.end) {
			if (cpuStart < 0 && System.nanoTime() >= result.start) {
				cpuStart = OS.getProcessCpuTime();
				jitStart = JIT.getTotalCompilationTime();
				gcStart = gcMillis();
				allocatedStart = THREADS.getTotalThreadAllocatedBytes();
				if (profile != null) {
					profile.start();
				}
			}
			Thread.sleep(10);
		}
		result.cpuNanos = OS.getProcessCpuTime() - cpuStart;
		result.jitMillis = JIT.getTotalCompilationTime() - jitStart;
		result.gcMillis = gcMillis() - gcStart;
		result.allocatedBytes = THREADS.getTotalThreadAllocatedBytes() - allocatedStart;
		if (profile != null) {
			// after the window's figures: writing the profiles is not the client's work
			profile.stop();
		}
		result.over = true;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (inFlight.get() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		if (inFlight.get() > 0) {
			System.err.println(kind.id() + ": " + inFlight.get() + " calls still in flight after 60 s");
		}
		return result;
	}

	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(GarbageCollectorMXBean::getCollectionTime)
			.filter((time) -> time > 0)
			.sum();
	}

	private static void issue(BenchClient client, Result result, AtomicInteger inFlight) {
		if (result.isOver()) {
			inFlight.decrementAndGet();
			return;
		}
		long t0 = System.nanoTime();
		client.createAsync((completion, error) -> {
			long t1 = System.nanoTime();
			if (error != null) {
				result.error(error);
				// no tight loop of synchronous failures: go on from another thread, a little later
				CompletableFutureDelay.later(() -> issue(client, result, inFlight));
				return;
			}
			result.record(t0, t1);
			issue(client, result, inFlight);
		});
	}

	private static void chunks(ClientKind kind, int port, Map<String, String> options) {
		int streams = Integer.parseInt(options.getOrDefault("streams", "40"));
		int chunks = Integer.parseInt(options.getOrDefault("chunks", "200"));
		int warmupStreams = Integer.parseInt(options.getOrDefault("warmup", "10"));
		List<Long> first = new ArrayList<>();
		long[] all = new long[streams * (chunks + 3)];
		int count = 0;
		try (BenchClient client = kind.create(StandInUrl.of(port, 0, chunks, true))) {
			for (int i = 0; i < warmupStreams; i++) {
				client.stream((created) -> {
				});
			}
			for (int i = 0; i < streams; i++) {
				long[] delays = new long[chunks + 3];
				int[] n = new int[1];
				client.stream((created) -> {
					long delay = System.nanoTime() - created;
					if (n[0] < delays.length) {
						delays[n[0]++] = delay;
					}
				});
				first.add(delays[0]);
				System.arraycopy(delays, 0, all, count, n[0]);
				count += n[0];
			}
		}
		long[] firsts = first.stream().mapToLong(Long::longValue).sorted().toArray();
		long[] every = Arrays.copyOf(all, count);
		Arrays.sort(every);
		System.out.printf(java.util.Locale.ROOT,
				"CHUNKS client=%s streams=%d chunks=%d first_p50_ms=%.3f first_p99_ms=%.3f first_max_ms=%.3f"
						+ " all_p50_ms=%.3f all_p99_ms=%.3f all_max_ms=%.3f%n",
				kind.id(), streams, count, at(firsts, 0.5) / 1e6, at(firsts, 0.99) / 1e6, at(firsts, 1.0) / 1e6,
				at(every, 0.5) / 1e6, at(every, 0.99) / 1e6, at(every, 1.0) / 1e6);
	}

	/**
	 * A quantile of sorted values, the nearest rank.
	 * @param sorted the values, ascending
	 * @param quantile between 0 and 1
	 * @return the value, {@code NaN} when there is none
	 */
	static double at(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/** Completed calls inside the measuring window, their latencies and the failures. */
	private static final class Result {

		final long start;

		final long end;

		private final long[] latencies = new long[4_000_000];

		private final AtomicInteger recorded = new AtomicInteger();

		final AtomicLong errors = new AtomicLong();

		volatile boolean over;

		long calls;

		double seconds;

		long cpuNanos;

		/** The JIT compilers' time in the window, in milliseconds: what is not yet warm. */
		long jitMillis;

		/** The bytes allocated in the window, by all threads (virtual ones included). */
		long allocatedBytes;

		/** The collectors' time in the window, in milliseconds (pauses, and G1's concurrent cycles). */
		long gcMillis;

		private volatile String firstError;

		Result(long start, long end) {
			this.start = start;
			this.end = end;
			this.seconds = (end - start) / 1e9;
		}

		boolean isOver() {
			return this.over;
		}

		void record(long t0, long t1) {
			if (t1 >= this.start && t1 <= this.end) {
				int index = this.recorded.getAndIncrement();
				if (index < this.latencies.length) {
					this.latencies[index] = t1 - t0;
				}
			}
		}

		void error(Throwable error) {
			if (this.errors.getAndIncrement() == 0) {
				this.firstError = String.valueOf(error);
				System.err.println("first error: " + this.firstError);
			}
		}

		private long[] sorted = new long[0];

		void summarize() {
			int n = Math.min(this.recorded.get(), this.latencies.length);
			this.calls = n;
			this.sorted = Arrays.copyOf(this.latencies, n);
			Arrays.sort(this.sorted);
		}

		double percentile(double quantile) {
			return at(this.sorted, quantile);
		}

	}

	/** Runs a task a millisecond later on a daemon timer. */
	private static final class CompletableFutureDelay {

		static void later(Runnable task) {
			java.util.concurrent.CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS).execute(task);
		}

	}

}
