package io.github.openaistarter.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Many streams open at once in one client's JVM, each sent one chunk per pace by the stand-in ({@code p<ms>}), run
 * in a JVM of its own per client ({@link #main}) and printing one {@code STREAMS} line for the suite to read:
 * <ol>
 * <li>opens a few warm-up streams, then takes the used heap after full GCs;</li>
 * <li>opens the streams, at most {@link Settings#opening} waiting for their first chunk at a time, until all are
 * open, or none opened for {@link Settings#stallSeconds}, or {@link Settings#openSeconds} passed;</li>
 * <li>takes the used heap after full GCs again: the difference over the streams held (open, or still waiting for
 * their first chunk when the opening was cut short) is the heap retained per open stream ({@code System.gc()} three times, then {@code MemoryMXBean} heap used); the growth of the process's
 * resident memory outside the heap ({@link ResidentMemory}) is the native memory per stream (thread stacks, direct
 * buffers);</li>
 * <li>counts the chunks received and the process CPU time over a window: CPU per chunk;</li>
 * <li>opens probe streams one after another, all the others still open, and takes the time from asking to the first
 * chunk of each.</li>
 * </ol>
 * Arguments: {@code client port [key=value...]}, the keys those of {@link Settings#of}.
 */
public final class OpenStreamsLoad {

	/** Connections the starter's pool and the floor's may open in this measure's JVMs. */
	static final int MAX_CONNECTIONS = 12_000;

	/** The options of a client's JVM: heap fixed, G1, pools raised to {@link #MAX_CONNECTIONS}. */
	static final List<String> JVM_ARGS = List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC",
			"-Dopenai.pool.max-connections=" + MAX_CONNECTIONS, "-Dopenai.pool.pending-acquire-max-count=-1",
			"-Dbench.floor.max-connections=" + MAX_CONNECTIONS);

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private OpenStreamsLoad() {
	}

	/**
	 * Measures one client against the stand-in and prints its {@code STREAMS} line.
	 * @param args {@code client port [key=value...]}
	 * @throws Exception if the measure cannot run
	 */
	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		ClientKind kind = ClientKind.of(args[0]);
		int port = Integer.parseInt(args[1]);
		Settings settings = Settings.of(LoadDriver.options(args, 2));
		// not closed: the JVM ends with its streams open
		BenchClient client = kind.create(StandInUrl.paced(port, settings.chunks, settings.paceMillis));
		OpenStreams streams = new OpenStreams(client);
		watch(kind, streams, settings, started);
		Result result = measure(streams, settings);
		System.out.println("STREAMS client=" + kind.id() + " " + result.toLine()
				+ String.format(Locale.ROOT, " took_s=%.1f", (System.nanoTime() - started) / 1e9));
		System.out.flush();
		System.exit(0);
	}

	/**
	 * Ends the JVM with what is known when the measure outlasts its time (a client that holds the calling thread,
	 * for one), so that every client takes a bounded time.
	 */
	private static void watch(ClientKind kind, OpenStreams streams, Settings settings, long started) {
		long limit = settings.openSeconds + settings.windowSeconds + 60;
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(limit * 1000);
			}
			catch (InterruptedException ex) {
				return;
			}
			System.out.println("STREAMS client=" + kind.id() + " target=" + settings.streams + " open="
					+ streams.open() + " failed=" + streams.failed() + " reached=hung first_error="
					+ streams.firstError() + " api=" + streams.api() + " pace_ms=" + settings.paceMillis
					+ String.format(Locale.ROOT, " took_s=%.1f", (System.nanoTime() - started) / 1e9));
			System.out.flush();
			System.exit(2);
		}, "open-streams-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	/**
	 * Runs the measure on streams of a client whose base URL gives paced streams.
	 * @param streams the client's streams, none open yet
	 * @param settings the sizes and times
	 * @return the figures
	 * @throws InterruptedException if interrupted
	 */
	static Result measure(OpenStreams streams, Settings settings) throws InterruptedException {
		openAll(streams, settings.warm, settings);
		int openBefore = streams.open();
		int heldBefore = streams.held();
		long heapBefore = usedHeapAfterFullGc();
		long nativeBefore = ResidentMemory.outsideHeap();
		long openStarted = System.nanoTime();
		String reached = openAll(streams, settings.streams, settings);
		double openSeconds = (System.nanoTime() - openStarted) / 1e9;
		int open = streams.open() - openBefore;
		int held = streams.held() - heldBefore;
		long heapOpen = usedHeapAfterFullGc();
		long nativeOpen = ResidentMemory.outsideHeap();
		int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
		// the collections' backlog of chunks delivered before counting
		Thread.sleep(500);
		long chunksBefore = streams.chunks();
		long cpuBefore = OS.getProcessCpuTime();
		long windowStarted = System.nanoTime();
		Thread.sleep(settings.windowSeconds * 1000L);
		long chunks = streams.chunks() - chunksBefore;
		long cpu = OS.getProcessCpuTime() - cpuBefore;
		double window = (System.nanoTime() - windowStarted) / 1e9;
		int openAfterWindow = streams.open() - openBefore;
		long[] probes = probe(streams, settings);
		return new Result(settings.streams, open, held - open, openAfterWindow, streams.failed(), reached, openSeconds,
				(double) (heapOpen - heapBefore) / Math.max(held, 1), (nativeBefore < 0 || nativeOpen < 0)
						? Double.NaN : (double) (nativeOpen - nativeBefore) / Math.max(held, 1),
				platformThreads, window, chunks, (chunks > 0) ? cpu / 1e3 / chunks : Double.NaN, probes,
				streams.firstError(), streams.api(), settings);
	}

	/**
	 * Opens {@code count} streams, at most {@link Settings#opening} of them waiting for their first chunk at a time,
	 * then waits for those still waiting.
	 * @return {@code all}, or why it stopped: {@code stalled} (none opened for a while) or {@code deadline}
	 */
	private static String openAll(OpenStreams streams, int count, Settings settings) throws InterruptedException {
		Semaphore opening = new Semaphore(settings.opening);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.openSeconds);
		String reached = "all";
		for (int i = 0; i < count; i++) {
			if (System.nanoTime() > deadline) {
				reached = "deadline";
				break;
			}
			if (!opening.tryAcquire(settings.stallSeconds, TimeUnit.SECONDS)) {
				reached = "stalled";
				break;
			}
			streams.open((nanos) -> opening.release());
		}
		// the streams still waiting for their first chunk: a little longer when the opening was cut short
		boolean settled = opening.tryAcquire(settings.opening, reached.equals("all") ? settings.stallSeconds : 2,
				TimeUnit.SECONDS);
		return (settled || !reached.equals("all")) ? reached : "stalled";
	}

	/** Opens the probe streams one after another and returns each one's time to its first chunk, -1 if none. */
	private static long[] probe(OpenStreams streams, Settings settings) throws InterruptedException {
		long[] firsts = new long[settings.probes];
		Arrays.fill(firsts, -1);
		CountDownLatch done = new CountDownLatch(settings.probes);
		for (int i = 0; i < settings.probes; i++) {
			int probe = i;
			streams.open((nanos) -> {
				firsts[probe] = nanos;
				done.countDown();
			});
			Thread.sleep(settings.probeSpacingMillis);
		}
		done.await(settings.stallSeconds, TimeUnit.SECONDS);
		return firsts.clone();
	}

	/** The used heap after three full collections ({@code System.gc()}), from {@code MemoryMXBean}. */
	private static long usedHeapAfterFullGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * The sizes and times of the measure.
	 * @param streams streams to open
	 * @param warm streams opened before the first heap reading
	 * @param opening streams waiting for their first chunk at most at a time while opening
	 * @param openSeconds the longest the opening may take
	 * @param stallSeconds the longest to wait for any stream to open before giving up
	 * @param windowSeconds the window counting chunks and CPU time
	 * @param probes the streams opened one after another with the others open, timed to their first chunk
	 * @param probeSpacingMillis the time between two probes
	 * @param paceMillis the stand-in's time between two chunks of a stream
	 * @param chunks content chunks of a stream: enough that none ends during the measure
	 */
	record Settings(int streams, int warm, int opening, int openSeconds, int stallSeconds, int windowSeconds,
			int probes, int probeSpacingMillis, int paceMillis, int chunks) {

		/**
		 * The settings of a command line's options, with defaults for the full run.
		 * @param options {@code streams}, {@code warm}, {@code opening}, {@code open}, {@code stall},
		 * {@code window}, {@code probes}, {@code spacing}, {@code pace} and {@code chunks}
		 * @return the settings
		 */
		static Settings of(Map<String, String> options) {
			return new Settings(get(options, "streams", 10_000), get(options, "warm", 100),
					get(options, "opening", 1024), get(options, "open", 15), get(options, "stall", 5),
					get(options, "window", 6), get(options, "probes", 200), get(options, "spacing", 10),
					get(options, "pace", 1000), get(options, "chunks", 600));
		}

		private static int get(Map<String, String> options, String key, int otherwise) {
			String value = options.get(key);
			return (value != null) ? Integer.parseInt(value) : otherwise;
		}

	}

	/**
	 * One client's figures.
	 * @param target the streams asked for
	 * @param open the streams open after the opening
	 * @param pending the streams asked for then and still waiting for their first chunk
	 * @param openAfterWindow the streams still open after the window
	 * @param failed streams failed, warm-up and probes included
	 * @param reached {@code all}, {@code stalled} or {@code deadline}
	 * @param openSeconds how long the opening took
	 * @param heapBytesPerStream heap retained per stream held (open or pending)
	 * @param nativeBytesPerStream resident memory outside the heap grown per stream held
	 * @param platformThreads live platform threads with the streams open
	 * @param windowSeconds the window
	 * @param chunks chunks received in the window
	 * @param cpuMicrosPerChunk process CPU time per chunk received in the window
	 * @param probes nanoseconds from asking to the first chunk of each probe stream, -1 for none
	 * @param firstError the class of the first failure, or {@code none}
	 * @param api how streams were opened
	 * @param settings the settings
	 */
	record Result(int target, int open, int pending, int openAfterWindow, int failed, String reached, double openSeconds,
			double heapBytesPerStream, double nativeBytesPerStream, int platformThreads, double windowSeconds,
			long chunks, double cpuMicrosPerChunk, long[] probes, String firstError, String api, Settings settings) {

		/**
		 * The probes that got a first chunk.
		 * @return their times, ascending
		 */
		long[] probeFirsts() {
			return Arrays.stream(this.probes).filter((nanos) -> nanos >= 0).sorted().toArray();
		}

		/**
		 * The figures as {@code key=value} pairs, without spaces in values.
		 * @return the line
		 */
		String toLine() {
			long[] firsts = probeFirsts();
			return String.format(Locale.ROOT,
					"target=%d open=%d pending=%d open_after_window=%d failed=%d reached=%s open_s=%.1f heap_kb_per_stream=%.2f"
							+ " native_kb_per_stream=%.2f platform_threads=%d window_s=%.1f chunks=%d cpu_us_per_chunk=%.2f"
							+ " probes=%d probes_opened=%d first_p50_ms=%.2f first_p99_ms=%.2f first_max_ms=%.2f"
							+ " first_error=%s api=%s pace_ms=%d warm=%d opening=%d open_limit_s=%d stall_s=%d",
					this.target, this.open, this.pending, this.openAfterWindow, this.failed, this.reached, this.openSeconds,
					this.heapBytesPerStream / 1024, this.nativeBytesPerStream / 1024, this.platformThreads,
					this.windowSeconds, this.chunks, this.cpuMicrosPerChunk, this.probes.length, firsts.length,
					LoadDriver.at(firsts, 0.5) / 1e6, LoadDriver.at(firsts, 0.99) / 1e6, LoadDriver.at(firsts, 1.0) / 1e6,
					this.firstError, this.api, this.settings.paceMillis, this.settings.warm, this.settings.opening,
					this.settings.openSeconds, this.settings.stallSeconds);
		}

	}

}
