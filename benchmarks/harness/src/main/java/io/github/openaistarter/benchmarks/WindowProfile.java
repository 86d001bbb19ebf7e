package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import jdk.jfr.Recording;
import one.profiler.AsyncProfiler;
import one.profiler.AsyncProfilerLoader;

/**
 * Profiles one measured window of the load driver, in its own JVM, so that the profile covers exactly the calls the
 * window counts: CPU samples from async-profiler (every millisecond of CPU time, per thread, kernel frames included)
 * and allocation samples from JFR ({@code jdk.ObjectAllocationSample}, weighted by the bytes each sample stands for).
 * Writes {@code PREFIX.collapsed} (one line per stack and thread, with its sample count), {@code PREFIX.jfr} and
 * {@code PREFIX.window} (the window's calls, seconds and CPU time), which {@link ProfileSummary} reads.
 */
final class WindowProfile {

	/** The CPU sampling interval, in nanoseconds: one sample per millisecond of a thread's CPU time. */
	static final long INTERVAL_NANOS = 1_000_000;

	private final Path prefix;

	private final AsyncProfiler profiler;

	private final Recording recording;

	/**
	 * Loads the profilers, before the window opens.
	 * @param prefix where the files go, and the start of their names
	 */
	WindowProfile(Path prefix) throws IOException {
		this.prefix = prefix;
		this.profiler = AsyncProfilerLoader.load();
		this.recording = new Recording();
		this.recording.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", "2000/s");
	}

	/** Starts both profilers, as the window opens. */
	void start() throws IOException {
		this.profiler.execute("start,event=cpu,interval=" + INTERVAL_NANOS + ",threads");
		this.recording.start();
	}

	/** Stops both profilers, as the window closes, and writes what they sampled. */
	void stop() throws IOException {
		this.profiler.execute("stop,collapsed,file=" + this.prefix + ".collapsed");
		this.recording.stop();
		this.recording.dump(Path.of(this.prefix + ".jfr"));
		this.recording.close();
	}

	/**
	 * Writes the window's figures beside the samples.
	 * @param calls the calls completed in the window
	 * @param seconds the window's length
	 * @param cpuNanos the process's CPU time in the window
	 * @param allocatedBytes the bytes all threads allocated in the window
	 */
	void window(long calls, double seconds, long cpuNanos, long allocatedBytes) throws IOException {
		Files.writeString(Path.of(this.prefix + ".window"),
				String.format(Locale.ROOT, "calls=%d seconds=%.3f cpu_nanos=%d allocated_bytes=%d interval_nanos=%d%n",
						calls, seconds, cpuNanos, allocatedBytes, INTERVAL_NANOS));
	}

}
