package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.jspecify.annotations.Nullable;

/**
 * Reads the profiles of the load driver's windows ({@link WindowProfile}: {@code CLIENT-N.collapsed}, {@code .jfr}
 * and {@code .window}, for one or more JVMs of each client) and writes where each client's CPU time and allocation
 * go per call, by {@link CodeLayer}, beside the first client's (the floor), and the frames that differ most.
 * Samples of several JVMs of a client are pooled: their sum over the sum of their calls.
 */
final class ProfileSummary {

	/** Frames that differ most from the floor's, listed per client. */
	static final int TOP_FRAMES = 20;

	private final List<ClientProfile> clients;

	private ProfileSummary(List<ClientProfile> clients) {
		this.clients = clients;
	}

	/**
	 * Reads the profiles of a directory, the clients in the order given (the first is the one the others are
	 * compared with).
	 * @param dir the directory the load driver wrote to
	 * @param clients the clients' ids
	 * @return the summary
	 */
	static ProfileSummary read(Path dir, List<String> clients) throws IOException {
		List<ClientProfile> profiles = new ArrayList<>();
		for (String client : clients) {
			ClientProfile profile = new ClientProfile(client);
			try (Stream<Path> files = Files.list(dir)) {
				for (Path window : files.filter((file) -> isWindowOf(file, client)).sorted().toList()) {
					String prefix = window.toString().substring(0, window.toString().length() - ".window".length());
					profile.add(Suite.parse(Files.readString(window)), Path.of(prefix + ".collapsed"),
							Path.of(prefix + ".jfr"));
				}
			}
			if (profile.jvms > 0) {
				profiles.add(profile);
			}
		}
		return new ProfileSummary(profiles);
	}

	private static boolean isWindowOf(Path file, String client) {
		String name = file.getFileName().toString();
		return name.endsWith(".window") && name.startsWith(client + "-")
				&& name.substring(client.length() + 1, name.length() - ".window".length()).chars().allMatch(Character::isDigit);
	}

	/**
	 * The summary as Markdown.
	 * @return the tables
	 */
	String toMarkdown() {
		StringBuilder md = new StringBuilder();
		if (this.clients.isEmpty()) {
			return "No profiles found.\n";
		}
		md.append("| client | JVMs | calls | process CPU per call (us) | sampled per call (us) | client's threads | JIT compiler | GC and VM | of which in the kernel | allocated per call (bytes) |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (ClientProfile client : this.clients) {
			md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %,d |%n",
					client.id, client.jvms, client.calls, client.cpuNanos / 1e3 / client.calls,
					client.perCall(client.threads.values().stream().mapToLong(Long::longValue).sum()),
					client.perCall(client.threads.getOrDefault(ThreadKind.CLIENT, 0L)),
					client.perCall(client.threads.getOrDefault(ThreadKind.COMPILER, 0L)),
					client.perCall(client.threads.getOrDefault(ThreadKind.GC_AND_VM, 0L)),
					client.perCall(client.kernel), client.allocatedBytes / client.calls));
		}
		md.append("\nCPU per call (us) on the client's threads (the JIT's and the GC's left out), by the innermost"
				+ " frame that is neither the JDK's nor native:\n\n");
		table(md, (client, layer) -> client.perCall(client.cpuByLayer.getOrDefault(layer, 0L)), "%.1f",
				(client) -> client.perCall(client.threads.getOrDefault(ThreadKind.CLIENT, 0L)));
		md.append("\nAllocation per call (bytes), by the same frames (JFR's allocation samples, weighted, each thread's"
				+ " first left out; their total estimates the allocation measured above):\n\n");
		table(md, (client, layer) -> client.allocByLayer.getOrDefault(layer, 0L) / (double) client.calls, "%,.0f",
				(client) -> client.allocByLayer.values().stream().mapToLong(Long::longValue).sum()
						/ (double) client.calls);
		for (ClientProfile client : this.clients.subList(1, this.clients.size())) {
			if (client.id.startsWith("floor")) {
				continue;
			}
			// the blocking API against the floor blocked on the same way, when it was profiled
			ClientProfile base = this.clients.stream()
				.filter((other) -> client.id.endsWith("-blocking") && other.id.equals("floor-blocking"))
				.findFirst()
				.orElse(this.clients.get(0));
			md.append(String.format(Locale.ROOT, "%nThe %d frames where %s spends the most CPU per call beyond %s (us):%n%n",
					TOP_FRAMES, client.id, base.id));
			md.append("| frame | ").append(base.id).append(" | ").append(client.id).append(" | difference |\n");
			md.append("|---|---|---|---|\n");
			Map<String, Double> difference = new HashMap<>();
			client.cpuByFrame.forEach((frame, samples) -> difference.merge(frame, client.perCall(samples), Double::sum));
			base.cpuByFrame.forEach((frame, samples) -> difference.merge(frame, -base.perCall(samples), Double::sum));
			difference.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.limit(TOP_FRAMES)
				.forEach((entry) -> md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.2f | %+.2f |%n",
						entry.getKey(), base.perCall(base.cpuByFrame.getOrDefault(entry.getKey(), 0L)),
						client.perCall(client.cpuByFrame.getOrDefault(entry.getKey(), 0L)), entry.getValue())));
		}
		return md.toString();
	}

	/** A table of a figure by layer, a column per client and one per client's difference from the first. */
	private void table(StringBuilder md, LayerFigure figure, String format, ClientFigure total) {
		ClientProfile base = this.clients.get(0);
		md.append("| layer");
		this.clients.forEach((client) -> md.append(" | ").append(client.id));
		this.clients.subList(1, this.clients.size())
			.forEach((client) -> md.append(" | ").append(client.id).append(" - ").append(base.id));
		md.append(" |\n|---");
		md.append("|---".repeat(2 * this.clients.size() - 1)).append("|\n");
		for (CodeLayer layer : CodeLayer.values()) {
			row(md, layer.label(), (client) -> figure.of(client, layer), format);
		}
		row(md, "**total**", total, format);
	}

	private void row(StringBuilder md, String label, ClientFigure figure, String format) {
		ClientProfile base = this.clients.get(0);
		md.append("| ").append(label);
		this.clients.forEach((client) -> md.append(" | ").append(String.format(Locale.ROOT, format, figure.of(client))));
		this.clients.subList(1, this.clients.size())
			.forEach((client) -> md.append(" | ")
				.append(String.format(Locale.ROOT, format.replace("%", "%+"), figure.of(client) - figure.of(base))));
		md.append(" |\n");
	}

	@FunctionalInterface
	private interface LayerFigure {

		double of(ClientProfile client, CodeLayer layer);

	}

	@FunctionalInterface
	private interface ClientFigure {

		double of(ClientProfile client);

	}

	/** Who a thread's samples are counted for. */
	enum ThreadKind {

		/** The client's work: event loops, the driver, timers, virtual threads' carriers. */
		CLIENT,

		/** The JIT's compiler threads. */
		COMPILER,

		/** The collector's threads and the VM thread. */
		GC_AND_VM;

		static ThreadKind of(String threadFrame) {
			if (threadFrame.contains("CompilerThre")) {
				return COMPILER;
			}
			if (threadFrame.startsWith("[GC Thread") || threadFrame.startsWith("[G1 ")
					|| threadFrame.startsWith("[VM Thread")) {
				return GC_AND_VM;
			}
			return CLIENT;
		}

	}

	/** One client's samples, over its JVMs. */
	private static final class ClientProfile {

		final String id;

		int jvms;

		long calls;

		long cpuNanos;

		long allocatedBytes;

		long intervalNanos = WindowProfile.INTERVAL_NANOS;

		final Map<ThreadKind, Long> threads = new EnumMap<>(ThreadKind.class);

		long kernel;

		final Map<CodeLayer, Long> cpuByLayer = new EnumMap<>(CodeLayer.class);

		final Map<String, Long> cpuByFrame = new LinkedHashMap<>();

		final Map<CodeLayer, Long> allocByLayer = new EnumMap<>(CodeLayer.class);

		ClientProfile(String id) {
			this.id = id;
		}

		/** A number of samples as microseconds of CPU per call. */
		double perCall(long samples) {
			return samples * (this.intervalNanos / 1e3) / this.calls;
		}

		void add(Map<String, String> window, Path collapsed, Path jfr) throws IOException {
			this.jvms++;
			this.calls += Long.parseLong(window.get("calls"));
			this.cpuNanos += Long.parseLong(window.get("cpu_nanos"));
			this.allocatedBytes += Long.parseLong(window.get("allocated_bytes"));
			this.intervalNanos = Long.parseLong(window.get("interval_nanos"));
			for (String line : Files.readAllLines(collapsed)) {
				int space = line.lastIndexOf(' ');
				if (space > 0) {
					addStack(line.substring(0, space).split(";"), Long.parseLong(line.substring(space + 1)));
				}
			}
			// a thread's first sample weighs what it allocated since its previous one, before the recording
			Set<Long> sampledThreads = new HashSet<>();
			for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
				if (event.getEventType().getName().equals("jdk.ObjectAllocationSample")
						&& !sampledThreads.add(event.getThread("eventThread").getId())) {
					this.allocByLayer.merge(allocationLayer(event.getStackTrace()), event.getLong("weight"), Long::sum);
				}
			}
		}

		private void addStack(String[] frames, long samples) {
			ThreadKind kind = ThreadKind.of(frames[0]);
			this.threads.merge(kind, samples, Long::sum);
			if (frames[frames.length - 1].endsWith("_[k]")) {
				this.kernel += samples;
			}
			if (kind != ThreadKind.CLIENT) {
				return;
			}
			String frame = attributed(frames);
			CodeLayer layer = (frame != null) ? CodeLayer.of(frame.substring(0, frame.lastIndexOf('.'))) : CodeLayer.JDK;
			this.cpuByLayer.merge(layer, samples, Long::sum);
			this.cpuByFrame.merge((frame != null) ? frame.replace('/', '.') : "(JDK, JVM or native only)", samples,
					Long::sum);
		}

		/** The innermost Java frame of a stack that is not the JDK's, or {@code null}. */
		private static @Nullable String attributed(String[] frames) {
			for (int i = frames.length - 1; i > 0; i--) {
				String frame = frames[i];
				int suffix = frame.indexOf("_[");
				String name = (suffix >= 0) ? frame.substring(0, suffix) : frame;
				if (frame.endsWith("_[k]") || name.startsWith("/") || name.contains("::") || name.indexOf('/') < 0
						|| name.indexOf('.') < 0) {
					continue;
				}
				if (!CodeLayer.isJdk(name.replace('/', '.'))) {
					return name;
				}
			}
			return null;
		}

		private static CodeLayer allocationLayer(@Nullable RecordedStackTrace stack) {
			if (stack != null) {
				for (RecordedFrame frame : stack.getFrames()) {
					if (frame.isJavaFrame()) {
						String type = frame.getMethod().getType().getName();
						if (!CodeLayer.isJdk(type)) {
							return CodeLayer.of(type);
						}
					}
				}
			}
			return CodeLayer.JDK;
		}

	}

}
