package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.autoconfigure.PoolProperties;

/**
 * The Markdown report of a {@link Suite} run: the targets with their ratios first, then every raw figure and
 * the environment.
 */
final class Report {

	/** One JMH result: time per op, process CPU time per op (ns) and bytes allocated per op. */
	record JmhRow(String benchmark, String client, double timeUs, double timeErrorUs, double cpuNs, double allocBytes) {
	}

	/** The starter's default pool settings. */
	private static final PoolProperties POOL = new PoolProperties();

	private Map<String, String> environment = Map.of();

	private final List<JmhRow> jmh = new ArrayList<>();

	/** The targets of the last {@link #toMarkdown()}: what, ratio, limit, direction, measured; tab-separated. */
	private final List<String> targetRows = new ArrayList<>();

	private final List<Map<String, String>> load = new ArrayList<>();

	/** The load lines of each client at each level, one per fork. */
	private final Map<String, List<Map<String, String>>> loadForks = new LinkedHashMap<>();

	private final List<Map<String, String>> chunks = new ArrayList<>();

	private final List<Map<String, String>> streams = new ArrayList<>();

	/** Startup lines per minimal app, the baseline first. */
	private final Map<String, List<Map<String, String>>> startups = new LinkedHashMap<>();

	private List<Path> webclientJars = List.of();

	private List<Path> starterJars = List.of();

	private List<Path> openAiJavaJars = List.of();

	/** The classpath of the minimal app with each peer. */
	private Map<String, List<Path>> peerJars = Map.of();

	private Duration took = Duration.ZERO;

	/** The charts drawn beside the report ({@link Charts}), shown under their tables. */
	private Collection<String> charts = List.of();

	private double loadAtEnd = Double.NaN;

	void environment(Map<String, String> environment) {
		this.environment = new LinkedHashMap<>(environment);
	}

	void jmh(JmhRow row) {
		this.jmh.add(row);
	}

	/**
	 * A load line. Several forks of one client at one level make one row: the median of their CPU per call and of
	 * their calls/s, the other figures from the fork with the median CPU, and the forks' range of CPU per call.
	 */
	void load(Map<String, String> line) {
		String key = line.get("client") + "@" + line.get("concurrency");
		List<Map<String, String>> forks = this.loadForks.computeIfAbsent(key, (k) -> new ArrayList<>());
		forks.add(line);
		Map<String, String> row = medianOf(forks);
		for (int i = 0; i < this.load.size(); i++) {
			Map<String, String> existing = this.load.get(i);
			if ((existing.get("client") + "@" + existing.get("concurrency")).equals(key)) {
				this.load.set(i, row);
				return;
			}
		}
		this.load.add(row);
	}

	private static Map<String, String> medianOf(List<Map<String, String>> forks) {
		if (forks.size() == 1) {
			return forks.get(0);
		}
		List<Map<String, String>> byCpu = new ArrayList<>(forks);
		byCpu.sort(Comparator.comparingDouble((fork) -> d(fork, "cpu_us_per_call")));
		double[] throughputs = forks.stream().mapToDouble((fork) -> d(fork, "throughput")).sorted().toArray();
		Map<String, String> row = new LinkedHashMap<>(byCpu.get((byCpu.size() - 1) / 2));
		row.put("throughput", Double.toString(throughputs[(throughputs.length - 1) / 2]));
		row.put("forks", Integer.toString(forks.size()));
		row.put("cpu_min", byCpu.get(0).get("cpu_us_per_call"));
		row.put("cpu_max", byCpu.get(byCpu.size() - 1).get("cpu_us_per_call"));
		return row;
	}

	void chunks(Map<String, String> line) {
		this.chunks.add(line);
	}

	void streams(Map<String, String> line) {
		this.streams.add(line);
	}

	void startup(String app, Map<String, String> line) {
		this.startups.computeIfAbsent(app, (key) -> new ArrayList<>()).add(line);
	}

	void classpath(List<Path> webclient, List<Path> starter, List<Path> openAiJava, Map<String, List<Path>> peers) {
		this.webclientJars = webclient;
		this.starterJars = starter;
		this.openAiJavaJars = openAiJava;
		this.peerJars = new LinkedHashMap<>(peers);
	}

	private List<SharedBudgetLoad.Outcome> rateLimits = List.of();

	void rateLimits(List<SharedBudgetLoad.Outcome> outcomes) {
		this.rateLimits = List.copyOf(outcomes);
	}

	void charts(Collection<String> written) {
		this.charts = List.copyOf(written);
	}

	/** The JMH rows so far, for the charts. */
	List<JmhRow> jmhRows() {
		return List.copyOf(this.jmh);
	}

	/** The load driver's lines so far, for the charts. */
	List<Map<String, String>> loadRows() {
		return List.copyOf(this.load);
	}

	void finished(Duration took, double loadAverage) {
		this.took = took;
		this.loadAtEnd = loadAverage;
	}

	/**
	 * The targets of the report last written, one per line (what, ratio, limit, {@code at-most} or
	 * {@code at-least}, the figures), for {@link TargetRuns} to put several runs side by side.
	 * @return tab-separated lines
	 */
	String targetsTsv() {
		return String.join("\n", this.targetRows) + "\n";
	}

	String toMarkdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark report\n\n");
		md.append("Produced by `benchmarks/run` in ").append(this.took.toMinutes()).append(" min ")
			.append(this.took.toSecondsPart()).append(" s. Ratios compare figures measured in this same run.\n\n");
		targets(md);
		peers(md);
		perCall(md);
		structured(md);
		toolLoop(md);
		load(md);
		chunks(md);
		streams(md);
		startup(md);
		classpath(md);
		rateLimits(md);
		environment(md);
		return md.toString();
	}

	// ---- rate limits

	private void rateLimits(StringBuilder md) {
		if (this.rateLimits.isEmpty()) {
			return;
		}
		md.append("## Rate limits: three instances, one key, three times the limit\n\n")
			.append("`../shared/openai-fake --rpm ")
			.append(SharedBudgetLoad.RPM)
			.append("`; each of ")
			.append(SharedBudgetLoad.INSTANCES)
			.append(" Spring Boot application contexts offers ")
			.append(SharedBudgetLoad.RPM)
			.append(" creates a minute (max-wait 5 s, default retries), counted once the full bucket the server")
			.append(" starts with is spent. \"sent\" and \"429\" are what the fake received and refused; goodput is")
			.append(" completions per minute over the limit.\n\n")
			.append("| budget | sent to the server | 429s (share of sent) | completions | goodput / limit |"
					+ " calls refused before sending | calls failed |\n|---|---|---|---|---|---|---|\n");
		for (SharedBudgetLoad.Outcome outcome : this.rateLimits) {
			md.append("| ")
				.append(outcome.scenario())
				.append(" | ")
				.append(outcome.sent())
				.append(" | ")
				.append(outcome.throttled())
				.append(String.format(Locale.ROOT, " (%.1f %%)", 100 * outcome.throttledShare()))
				.append(" | ")
				.append(outcome.created())
				.append(String.format(Locale.ROOT, " | %.2f", outcome.goodputOfLimit()))
				.append(" | ")
				.append(outcome.refused())
				.append(" | ")
				.append(outcome.failed())
				.append(" |\n");
		}
		md.append('\n');
	}

	// ---- targets

	/** The starter's clients held to the targets, as auto-configured. */
	private static final List<String> OURS = List.of("ours-reactive", "ours-blocking");

	/** The other libraries' clients, at their defaults, that the starter must be ahead of per call. */
	private static final List<String> PER_CALL_PEERS = List.of("openai-java", "openai-java-async", "spring-ai",
			"langchain4j");

	private void targets(StringBuilder md) {
		this.targetRows.clear();
		md.append("## Targets\n\nRatios of figures measured in this run. \"best peer\" is the peer library"
				+ " (openai-java, Spring AI, LangChain4j, at their defaults) with the lowest figure.\n\n"
				+ "| target | measured | ratio | met |\n|---|---|---|---|\n");
		Map<String, String> floorLoad = loadRow("floor", 1000);
		for (String ours : OURS) {
			Map<String, String> row = loadRow(ours, 1000);
			if (row != null && floorLoad != null) {
				this.target(md, "client CPU per call at 1,000 in flight, " + ours + " <= 1.3x floor",
						num(row, "cpu_us_per_call", 1) + " vs " + num(floorLoad, "cpu_us_per_call", 1) + " us"
								+ forks(row, floorLoad),
						d(row, "cpu_us_per_call") / d(floorLoad, "cpu_us_per_call"), 1.3, true);
				this.target(md, "throughput at 1,000 in flight, " + ours + " >= 0.9x floor",
						num(row, "throughput", 0) + " vs " + num(floorLoad, "throughput", 0) + " calls/s"
								+ forks(row, floorLoad),
						d(row, "throughput") / d(floorLoad, "throughput"), 0.9, false);
			}
		}
		for (String benchmark : List.of("stream", "create")) {
			String per = benchmark.equals("stream") ? "per stream chunk" : "per create";
			JmhRow floor = row(benchmark, "floor");
			for (String ours : OURS) {
				JmhRow row = row(benchmark, ours);
				if (row == null) {
					continue;
				}
				if (floor != null && benchmark.equals("stream")) {
					this.target(md, "CPU " + per + ", " + ours + " <= 1.3x floor",
							us(row.cpuNs) + " vs " + us(floor.cpuNs) + " us", row.cpuNs / floor.cpuNs, 1.3, true);
					this.target(md, "allocation " + per + ", " + ours + " <= 1.3x floor",
							kb(row.allocBytes) + " vs " + kb(floor.allocBytes) + " KB",
							row.allocBytes / floor.allocBytes, 1.3, true);
				}
				JmhRow cpuPeer = bestPeer(benchmark, JmhRow::cpuNs);
				if (cpuPeer != null) {
					this.target(md, "CPU " + per + ", " + ours + " ahead of every peer",
							us(row.cpuNs) + " vs " + us(cpuPeer.cpuNs) + " us (" + cpuPeer.client + ")",
							row.cpuNs / cpuPeer.cpuNs, 1.0, true);
				}
				JmhRow allocPeer = bestPeer(benchmark, JmhRow::allocBytes);
				if (allocPeer != null) {
					this.target(md, "allocation " + per + ", " + ours + " ahead of every peer",
							kb(row.allocBytes) + " vs " + kb(allocPeer.allocBytes) + " KB (" + allocPeer.client + ")",
							row.allocBytes / allocPeer.allocBytes, 1.0, true);
				}
			}
		}
		for (String ours : OURS) {
			Map<String, String> row = chunkRow(ours);
			if (row != null) {
				double p99 = d(row, "first_p99_ms");
				md.append("| first chunk delivered within 5 ms at p99, ").append(ours).append(" | ")
					.append(fmt(p99, 2)).append(" ms (all chunks p99 ").append(num(row, "all_p99_ms", 2))
					.append(" ms) | | ").append(p99 <= 5 ? "yes" : "**no**").append(" |\n");
			}
		}
		if (!this.webclientJars.isEmpty()) {
			long added = size(added(this.starterJars, this.webclientJars));
			md.append("| added runtime classpath beyond Spring Boot's WebClient starter < 1 MB | ")
				.append(mb(added))
				.append(" MB (openai-java adds ")
				.append(mb(size(added(this.openAiJavaJars, this.webclientJars))))
				.append(" MB) | | ")
				.append(added < 1_000_000 ? "yes" : "**no**")
				.append(" |\n");
		}
		streamTargets(md);
		md.append('\n');
	}

	private void streamTargets(StringBuilder md) {
		Map<String, String> floor = streamRow("floor");
		for (String ours : List.of("ours-reactive", "ours-blocking")) {
			Map<String, String> row = streamRow(ours);
			if (row != null && floor != null) {
				this.target(md, "heap per open idle stream, " + ours + " <= 1.5x floor",
						num(row, "heap_kb_per_stream", 1) + " vs " + num(floor, "heap_kb_per_stream", 1) + " KB, "
								+ num(row, "open", 0) + " of " + num(row, "target", 0) + " open",
						d(row, "heap_kb_per_stream") / d(floor, "heap_kb_per_stream"), 1.5, true);
			}
		}
	}

	private void target(StringBuilder md, String what, String measured, double ratio, double limit,
			boolean atMost) {
		boolean met = atMost ? ratio <= limit : ratio >= limit;
		this.targetRows.add(String.join("\t", what, String.valueOf(ratio), String.valueOf(limit),
				atMost ? "at-most" : "at-least", measured));
		md.append("| ").append(what).append(" | ").append(measured).append(" | ").append(fmt(ratio, 2)).append("x | ")
			.append(met ? "yes" : "**no**").append(" |\n");
	}

	// ---- peers

	/** The peers measured per call, each in JMH forks on its own module's classpath. */
	private static final List<String> JMH_PEERS = Suite.JMH_PEERS.stream().map(ClientKind::id).toList();

	/** The peers measured under load, defaults and tuned. */
	private static final List<String> LOAD_PEERS = Suite.LOAD_CLIENTS.stream()
		.filter(ClientKind::isPeer)
		.map(ClientKind::id)
		.toList();

	private void peers(StringBuilder md) {
		boolean jmhPeers = this.jmh.stream().anyMatch((row) -> JMH_PEERS.contains(row.client));
		boolean loadPeers = this.load.stream().anyMatch((row) -> LOAD_PEERS.contains(row.get("client")));
		if (!jmhPeers && !loadPeers && this.peerJars.isEmpty() && this.startups.size() <= 2) {
			return;
		}
		md.append("## Spring AI and LangChain4j against the floor and this starter\n\n");
		md.append("Each ratio is the peer's figure over the other's, both measured in this run: above 1x the peer costs more"
				+ " (CPU, allocation, latency, startup, classpath) or, for throughput, completes more calls. Each peer runs"
				+ " in JVMs of its own, on its own module's classpath.\n\n");
		md.append("| measure | peer | peer's | floor | this starter, blocking | this starter, reactive | / floor |"
				+ " / starter, blocking | / starter, reactive |\n|---|---|---|---|---|---|---|---|---|\n");
		for (String benchmark : List.of("create", "stream")) {
			String per = benchmark.equals("create") ? "create" : "stream chunk";
			for (String peer : JMH_PEERS) {
				JmhRow row = row(benchmark, peer);
				if (row == null) {
					continue;
				}
				JmhRow floor = row(benchmark, "floor");
				JmhRow blocking = row(benchmark, "ours-blocking");
				JmhRow reactive = row(benchmark, "ours-reactive");
				peerRow(md, "CPU per " + per + " (us)", peer, row.cpuNs / 1000, (floor != null) ? floor.cpuNs / 1000 : Double.NaN,
						(blocking != null) ? blocking.cpuNs / 1000 : Double.NaN,
						(reactive != null) ? reactive.cpuNs / 1000 : Double.NaN, 1);
				peerRow(md, "allocation per " + per + " (KB)", peer, row.allocBytes / 1024,
						(floor != null) ? floor.allocBytes / 1024 : Double.NaN,
						(blocking != null) ? blocking.allocBytes / 1024 : Double.NaN,
						(reactive != null) ? reactive.allocBytes / 1024 : Double.NaN, 1);
			}
		}
		for (int concurrency : new int[] { 64, 1000 }) {
			for (String peer : LOAD_PEERS) {
				Map<String, String> row = loadRow(peer, concurrency);
				if (row == null) {
					continue;
				}
				Map<String, String> floor = loadRow("floor", concurrency);
				Map<String, String> blocking = loadRow("ours-blocking", concurrency);
				Map<String, String> reactive = loadRow("ours-reactive", concurrency);
				for (String[] figure : new String[][] { { "throughput", "calls/s", "0" }, { "p50_ms", "p50 (ms)", "1" },
						{ "p99_ms", "p99 (ms)", "1" } }) {
					peerRow(md, figure[1] + " at " + fmt(concurrency, 0) + " in flight", peer, d(row, figure[0]),
							(floor != null) ? d(floor, figure[0]) : Double.NaN,
							(blocking != null) ? d(blocking, figure[0]) : Double.NaN,
							(reactive != null) ? d(reactive, figure[0]) : Double.NaN, Integer.parseInt(figure[2]));
				}
			}
		}
		double baseline = startupMedian(StartupApp.BASELINE);
		double starter = startupMedian("+ openai-spring-boot-starter") - baseline;
		this.startups.forEach((app, runs) -> {
			if (app.startsWith("+ Spring AI") || app.startsWith("+ LangChain4j")) {
				peerRow(md, "startup added to the minimal app (ms)", app.substring(2), median(runs, "run_ms") - baseline,
						Double.NaN, starter, starter, 0);
			}
		});
		if (!this.webclientJars.isEmpty()) {
			double ours = size(added(this.starterJars, this.webclientJars)) / 1e6;
			this.peerJars.forEach((peer, jars) -> peerRow(md, "runtime classpath added (MB)", peer,
					size(added(jars, this.webclientJars)) / 1e6, Double.NaN, ours, ours, 2));
		}
		md.append("\nPeers: ");
		for (ClientKind kind : ClientKind.values()) {
			if (kind.isPeer()) {
				md.append("`").append(kind.id()).append("` ").append(kind.description()).append("; ");
			}
		}
		md.append("their settings are described where they are made (SpringAiClient and TunedHttpClient in"
				+ " benchmarks/peer-spring-ai, LangChain4jClient in benchmarks/peer-langchain4j). The peers stream through"
				+ " their own APIs (Spring AI a `Flux<ChatResponse>`, LangChain4j a handler called per content chunk); per"
				+ " stream chunk is a stream's cost over its ")
			.append(BenchmarkTarget.STREAM_CHUNKS)
			.append(" chunks on the wire.\n\n");
	}

	private static void peerRow(StringBuilder md, String measure, String peer, double value, double floor,
			double blocking, double reactive, int digits) {
		md.append("| ").append(measure).append(" | ").append(peer).append(" | ").append(fmt(value, digits)).append(" | ")
			.append(Double.isNaN(floor) ? "" : fmt(floor, digits)).append(" | ").append(fmt(blocking, digits))
			.append(" | ").append(fmt(reactive, digits)).append(" | ").append(ratio(value, floor)).append(" | ")
			.append(ratio(value, blocking)).append(" | ").append(ratio(value, reactive)).append(" |\n");
	}

	// ---- raw figures

	private void perCall(StringBuilder md) {
		for (String benchmark : List.of("create", "stream", "list")) {
			String title = switch (benchmark) {
				case "create" -> "Per plain create call (JMH, one thread, no added latency)";
				case "stream" -> "Per stream chunk decoded (JMH, " + BenchmarkTarget.STREAM_CHUNKS
						+ "-chunk streams, cost spread over the chunks)";
				default -> "Per list page of " + Payloads.PAGE_SIZE + " stored completions (JMH)";
			};
			List<JmhRow> rows = this.jmh.stream().filter((row) -> row.benchmark.equals(benchmark)).toList();
			if (rows.isEmpty()) {
				continue;
			}
			JmhRow floor = row(benchmark, "floor");
			JmhRow peer = row(benchmark, "openai-java");
			JmhRow webclient = row(benchmark, "webclient-floor");
			md.append("## ").append(title).append("\n\n");
			md.append("| client | time/op (us) | CPU/op (us) | alloc/op (KB) | CPU / floor | alloc / floor |"
					+ " CPU / openai-java | alloc / openai-java |")
				.append((webclient != null) ? " CPU / WebClient floor | alloc / WebClient floor |" : "")
				.append("\n|---|---|---|---|---|---|---|---|")
				.append((webclient != null) ? "---|---|" : "")
				.append("\n");
			for (JmhRow row : rows) {
				md.append("| ").append(row.client).append(" | ").append(fmt(row.timeUs, 1)).append(" ± ")
					.append(fmt(row.timeErrorUs, 1)).append(" | ").append(us(row.cpuNs)).append(" | ")
					.append(kb(row.allocBytes)).append(" | ")
					.append(ratio(row.cpuNs, floor != null ? floor.cpuNs : Double.NaN)).append(" | ")
					.append(ratio(row.allocBytes, floor != null ? floor.allocBytes : Double.NaN)).append(" | ")
					.append(ratio(row.cpuNs, peer != null ? peer.cpuNs : Double.NaN)).append(" | ")
					.append(ratio(row.allocBytes, peer != null ? peer.allocBytes : Double.NaN)).append(" |");
				if (webclient != null) {
					md.append(" ").append(ratio(row.cpuNs, webclient.cpuNs)).append(" | ")
						.append(ratio(row.allocBytes, webclient.allocBytes)).append(" |");
				}
				md.append("\n");
			}
			md.append("\nCPU/op is the benchmark JVM's process CPU time (user and kernel, all its threads, GC and JIT"
					+ " included) per op; the stand-in runs in another process. time/op includes the loopback round trip.");
			if (row(benchmark, "connector-floor") != null) {
				md.append(" The connector floor posts the same pre-built bytes through Spring's ClientHttpConnector, the"
						+ " layer the starter sends through, and decodes with Jackson.");
			}
			if (webclient != null) {
				md.append(" The WebClient floor does the same through Spring's WebClient: what any WebClient-based client"
						+ " pays before doing anything of its own (`benchmarks/run webclient`).");
			}
			md.append("\n\n");
			md.append(Charts.markdown(this.charts, Charts.PER_OP.getOrDefault(benchmark, "")));
		}
	}

	private void structured(StringBuilder md) {
		List<JmhRow> creates = this.jmh.stream().filter((row) -> row.benchmark.equals("structured-create")).toList();
		List<JmhRow> streams = this.jmh.stream().filter((row) -> row.benchmark.equals("structured-stream")).toList();
		if (creates.isEmpty() && streams.isEmpty()) {
			return;
		}
		md.append("## Structured outputs (JMH, one thread)\n\n");
		md.append("Typed create (`chat.create(request, PackingList.class)`) against a plain create of the same request,"
				+ " both receiving the same completion whose content is a " + Payloads.PACKING_LIST_ITEMS
				+ "-item `PackingList` (StructuredCreateBenchmark):\n\n");
		md.append("| client | call | time/op (us) | CPU/op (us) | alloc/op (KB) | CPU / plain | alloc / plain |\n"
				+ "|---|---|---|---|---|---|---|\n");
		for (JmhRow row : creates) {
			String[] parts = row.client.split(" ");
			JmhRow plain = row(row.benchmark, parts[0] + " plain");
			md.append("| ").append(parts[0]).append(" | ").append(parts[1]);
			figuresAgainst(md, row, plain);
		}
		md.append("\nThe readers of a streamed structured answer, per chunk of ").append(StreamedAnswerBenchmark.CHUNK_CHARACTERS)
			.append(" characters, on list answers of 200 and 2,000 items (StreamedAnswerBenchmark; linear means the"
					+ " same cost per chunk at both lengths):\n\n");
		md.append("| reader | items | time/chunk (ns) | CPU/chunk (ns) | alloc/chunk (B) | time per chunk, 2,000 / 200 |\n"
				+ "|---|---|---|---|---|---|\n");
		for (JmhRow row : streams) {
			String[] parts = row.client.split(" ");
			JmhRow small = row(row.benchmark, parts[0] + " 200");
			md.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ")
				.append(fmt(row.timeUs * 1000, 0)).append(" ± ").append(fmt(row.timeErrorUs * 1000, 0)).append(" | ")
				.append(fmt(row.cpuNs, 0)).append(" | ").append(fmt(row.allocBytes, 0)).append(" | ")
				.append(parts[1].equals("200") ? "" : ratio(row.timeUs, (small != null) ? small.timeUs : Double.NaN))
				.append(" |\n");
		}
		md.append("\n");
	}

	private void toolLoop(StringBuilder md) {
		List<JmhRow> rows = this.jmh.stream().filter((row) -> row.benchmark.equals("tool-loop")).toList();
		if (rows.isEmpty()) {
			return;
		}
		JmhRow plain = row("tool-loop", "plain-create");
		md.append("## Tool loop (JMH, one thread)\n\n");
		md.append("The loop's own cost per round (ToolLoopBenchmark: two rounds, two tool calls in parallel, a model"
				+ " and tools that answer at once, so neither the server nor the tools count) next to a plain blocking"
				+ " create against the stand-in:\n\n");
		md.append("| measure | time/op (us) | CPU/op (us) | alloc/op (KB) | CPU / plain create | alloc / plain create |\n"
				+ "|---|---|---|---|---|---|\n");
		for (JmhRow row : rows) {
			md.append("| ").append(row.client);
			figuresAgainst(md, row, plain);
		}
		md.append("\n");
	}

	/** The rest of a table row: time, CPU and allocation per op, then CPU and allocation against a base row. */
	private static void figuresAgainst(StringBuilder md, JmhRow row, @Nullable JmhRow base) {
		md.append(" | ").append(fmt(row.timeUs, 1)).append(" ± ").append(fmt(row.timeErrorUs, 1)).append(" | ")
			.append(us(row.cpuNs)).append(" | ").append(kb(row.allocBytes)).append(" | ")
			.append(ratio(row.cpuNs, (base != null) ? base.cpuNs : Double.NaN)).append(" | ")
			.append(ratio(row.allocBytes, (base != null) ? base.allocBytes : Double.NaN)).append(" |\n");
	}

	private void load(StringBuilder md) {
		if (this.load.isEmpty()) {
			return;
		}
		md.append("## Under load (").append(Suite.LOAD_LATENCY_MS)
			.append(" ms server latency, closed loop, one JVM per client)\n\n");
		md.append("| client | in flight | calls/s | vs floor | p50 (ms) | p99 (ms) | max (ms) | client CPU/call (us) |"
				+ " forks: CPU/call range (us) | JIT in window (ms) | GC in window (ms) | errors |\n"
				+ "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (int concurrency : Suite.CONCURRENCY) {
			Map<String, String> floor = loadRow("floor", concurrency);
			for (Map<String, String> row : this.load) {
				if (Integer.parseInt(row.get("concurrency")) != concurrency) {
					continue;
				}
				md.append("| ").append(row.get("client")).append(" | ").append(concurrency).append(" | ")
					.append(num(row, "throughput", 0)).append(" | ")
					.append(ratio(d(row, "throughput"), floor != null ? d(floor, "throughput") : Double.NaN))
					.append(" | ").append(num(row, "p50_ms", 1)).append(" | ").append(num(row, "p99_ms", 1))
					.append(" | ").append(num(row, "max_ms", 1)).append(" | ").append(num(row, "cpu_us_per_call", 0))
					.append(" | ").append(forkRange(row)).append(" | ").append(num(row, "jit_ms", 0)).append(" | ")
					.append(num(row, "gc_ms", 0))
					.append(" | ").append(row.get("errors")).append(" |\n");
			}
		}
		md.append("\nEach client first runs " + Suite.LOAD_WARMUP_S + " s at 1,000 in flight with the latency, so that"
				+ " the JIT compiles the paths measured, then a full GC, so that what it set up is in the old generation"
				+ " as in a service that has run for a while; then, at each level (64 first, where the JIT catches up),"
				+ " " + Suite.LOAD_RAMP_S + " s of ramp and "
				+ Suite.LOAD_MEASURE_S + " s measured. Client CPU per call is the process's CPU time in that window (GC"
				+ " and JIT included) over the calls completed in it. JIT and GC in window: the compilers' time"
				+ " (`CompilationMXBean`) and the collectors' (`GarbageCollectorMXBean`) in the same window, the part of"
				+ " the CPU figure that is the JVM's own rather than the client's code. ");
		if (this.load.stream().anyMatch((row) -> row.containsKey("forks"))) {
			md.append(Suite.LOAD_FORKED.stream().map((kind) -> "`" + kind.id() + "`").collect(Collectors.joining(", "))
				+ " run in " + Suite.LOAD_FORKS + " JVMs each: their row at each level shows"
				+ " the median of the forks' CPU per call and of their calls/s, the other figures from the fork with the"
				+ " median CPU, and the forks' range of CPU per call; the targets compare these medians. ");
		}
		md.append("Asynchronous clients are driven through their own asynchronous API; blocking ones on one thread"
				+ " per call in flight (virtual threads when the JVM has them). `floor-blocking` is the floor driven that"
				+ " way, each call blocked on by its own thread: what blocking costs of itself, beside the floor. Measured"
				+ " at 1,000 in flight only: "
				+ Suite.LOAD_AT_1000_ONLY.stream().map((kind) -> "`" + kind.id() + "`").collect(Collectors.joining(", "))
				+ ". In-flight caps by default: this starter's"
				+ " pool opens at most " + POOL.getMaxConnections() + " connections and queues "
				+ POOL.getPendingAcquireMaxCount() + " more calls (`openai.pool.*`), beyond which calls fail at once;"
				+ " openai-java's OkHttp dispatcher runs at most 64 asynchronous calls"
				+ " (per host too) and queues the rest, its blocking calls are not capped, and its pool keeps only 5 idle"
				+ " connections, closing the others after each call; the tuned openai-java raises the dispatcher to "
				+ OpenAiJavaClient.TUNED_MAX_REQUESTS + " and keeps " + OpenAiJavaClient.TUNED_MAX_IDLE_CONNECTIONS
				+ " idle connections; the floor's pool allows 2,000 connections. Spring AI and LangChain4j have blocking"
				+ " calls only: Spring AI's go through OkHttp (uncapped for blocking calls, 5 idle connections kept;"
				+ " tuned: 1,000 kept), LangChain4j's through the JDK's HttpClient"
				+ " (no cap; tuned: HTTP/1.1 stated, virtual threads).\n\n");
		md.append(Charts.markdown(this.charts, Charts.THROUGHPUT, Charts.P99));
	}

	private void chunks(StringBuilder md) {
		if (this.chunks.isEmpty()) {
			return;
		}
		md.append("## Chunk delivery delay (").append(Suite.CHUNKS_PER_STREAM)
			.append("-chunk streams written 1 ms apart)\n\n");
		md.append("From the stand-in writing a chunk (its `System.nanoTime()` in the chunk) to the subscriber receiving"
				+ " it decoded.\n\n");
		md.append("| client | streams | first chunk p50 (ms) | first chunk p99 (ms) | first chunk max (ms) |"
				+ " all chunks p50 (ms) | all chunks p99 (ms) | all chunks max (ms) |\n|---|---|---|---|---|---|---|---|\n");
		for (Map<String, String> row : this.chunks) {
			md.append("| ").append(row.get("client")).append(" | ").append(row.get("streams")).append(" | ")
				.append(num(row, "first_p50_ms", 2)).append(" | ").append(num(row, "first_p99_ms", 2)).append(" | ")
				.append(num(row, "first_max_ms", 2)).append(" | ").append(num(row, "all_p50_ms", 2)).append(" | ")
				.append(num(row, "all_p99_ms", 2)).append(" | ").append(num(row, "all_max_ms", 2)).append(" |\n");
		}
		md.append('\n');
	}

	private void streams(StringBuilder md) {
		if (this.streams.isEmpty()) {
			return;
		}
		Map<String, String> first = this.streams.get(0);
		Map<String, String> floor = streamRow("floor");
		md.append("## Open streams at scale (").append(num(first, "target", 0))
			.append(" streams open at once, one chunk every ").append(num(first, "pace_ms", 0))
			.append(" ms each, one JVM per client)\n\n");
		md.append("| client | streams | open / asked | heap per open stream (KB) | / floor | native per stream (KB) |"
				+ " platform threads | CPU per chunk (us) | / floor | first chunk p50 (ms) | first chunk p99 (ms) |"
				+ " failed | opening |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Map<String, String> row : this.streams) {
			md.append("| ").append(row.get("client")).append(" | ").append(row.get("api")).append(" | ")
				.append(num(row, "open", 0)).append(" / ").append(num(row, "target", 0))
				.append("0".equals(row.getOrDefault("pending", "0")) ? "" : " (+" + row.get("pending") + " opening)")
				.append(" | ")
				.append(num(row, "heap_kb_per_stream", 1)).append(" | ")
				.append(ratio(d(row, "heap_kb_per_stream"), (floor != null) ? d(floor, "heap_kb_per_stream") : Double.NaN))
				.append(" | ").append(num(row, "native_kb_per_stream", 1)).append(" | ").append(row.get("platform_threads"))
				.append(" | ").append(num(row, "cpu_us_per_chunk", 1)).append(" | ")
				.append(ratio(d(row, "cpu_us_per_chunk"), (floor != null) ? d(floor, "cpu_us_per_chunk") : Double.NaN))
				.append(" | ").append(num(row, "first_p50_ms", 1)).append(" | ").append(num(row, "first_p99_ms", 1))
				.append(Objects.equals(row.get("probes_opened"), row.get("probes")) ? ""
						: " (" + row.get("probes_opened") + " of " + row.get("probes") + " probes opened)")
				.append(" | ").append(row.get("failed")).append(" | ").append(row.get("reached")).append(" in ")
				.append(num(row, "open_s", 1)).append(" s")
				.append("none".equals(row.get("first_error")) ? "" : ", first failure `" + row.get("first_error") + "`")
				.append(" |\n");
		}
		md.append("\nEach client opens the streams against the stand-in's paced streams (`p").append(first.get("pace_ms"))
			.append("`: one write a second per stream, from one timer), after ").append(first.get("warm"))
			.append(" warm-up streams that stay open and are not counted; at most ").append(first.get("opening"))
			.append(" wait for their first chunk at a time; the opening stops when all are open, when none opened for ")
			.append(first.get("stall_s")).append(" s (`stalled`) or after ").append(first.get("open_limit_s"))
			.append(" s (`deadline`), and the table shows what it reached (a client that holds its JVM past the"
					+ " measure's time is ended: `hung`). Streams: `async` through the client's own streaming API"
					+ " (a `Flux` or a handler); `virtual-threads` one virtual thread each, running the client's"
					+ " blocking stream (or, for LangChain4j, its handler API, which may read the whole stream on the"
					+ " calling thread). Heap per open stream: the used heap after `System.gc()` three times (G1,"
					+ " `MemoryMXBean`) with the streams open, less the same before opening them, over the streams"
					+ " held (open, plus those still opening when the opening was cut short); it includes the driver's listener of each stream (a few dozen bytes, the same for every"
					+ " client), and virtual threads' stacks, which live in the heap. Native per stream: the growth of"
					+ " the process's resident memory outside the heap's address range (`/proc/self/smaps`) over the"
					+ " same span: platform threads' stacks, direct buffers, metaspace. CPU per chunk: the client"
					+ " process's CPU time over a ")
			.append(num(first, "window_s", 0))
			.append(" s window (GC and JIT included) over the chunks received in it; a client whose opening was cut"
					+ " short still opens streams in that window, so its figure is not one of chunks alone. First"
					+ " chunk: ")
			.append(first.get("probes"))
			.append(" probe streams opened 10 ms apart after the window, the others still open, from asking to the"
					+ " first chunk. Pools raised for this measure only: this starter's `openai.pool.max-connections="
					+ OpenStreamsLoad.MAX_CONNECTIONS + "` and `openai.pool.pending-acquire-max-count=-1` (defaults "
					+ POOL.getMaxConnections() + " and " + POOL.getPendingAcquireMaxCount() + "), the floor's pool "
					+ OpenStreamsLoad.MAX_CONNECTIONS + " connections (otherwise 2,000); the peers as they come"
					+ " (their pools do not cap open streams). Spring AI reads each stream on a platform thread of"
					+ " its own (openai-java's stream handler executor); LangChain4j's `JdkHttpClient` parses each"
					+ " stream, blocking, on the thread that completes the JDK client's response future, the common"
					+ " `ForkJoinPool`, which adds at most 256 threads to make up for blocked ones: beyond about 257"
					+ " streams in a JVM (warm-up streams included) the next ones wait, and so does any other work"
					+ " of the common pool.\n\n");
	}

	private void startup(StringBuilder md) {
		List<Map<String, String>> baselineRuns = this.startups.get(StartupApp.BASELINE);
		if (baselineRuns == null) {
			return;
		}
		double baseline = median(baselineRuns, "run_ms");
		double starter = startupMedian("+ openai-spring-boot-starter");
		md.append("## Startup (minimal non-web app, `SpringApplication.run`, median of ").append(baselineRuns.size())
			.append(" fresh JVMs each, the apps in turns)\n\n");
		md.append("| app | context run (ms) | JVM uptime at ready (ms) | beans | added to baseline (ms) |"
				+ " added / starter's added |\n|---|---|---|---|---|---|\n");
		this.startups.forEach((app, runs) -> {
			double run = median(runs, "run_ms");
			md.append("| ").append(app).append(" | ").append(fmt(run, 0)).append(" | ")
				.append(fmt(median(runs, "jvm_ms"), 0)).append(" | ").append(runs.get(0).get("beans")).append(" | ")
				.append(app.equals(StartupApp.BASELINE) ? "" : fmt(run - baseline, 0)).append(" | ")
				.append(app.equals(StartupApp.BASELINE) ? "" : ratio(run - baseline, starter - baseline))
				.append(" |\n");
		});
		md.append("\nThe starter adds ").append(fmt(starter - baseline, 0)).append(" ms (")
			.append(fmt(starter / baseline, 2)).append("x). Spring AI starts with its starter's auto-configuration"
					+ " (chat, embedding, image, audio and moderation models, from `spring.ai.openai.api-key`);"
					+ " LangChain4j, which has no starter for Spring Boot 4, with the two model beans an application"
					+ " declares.\n\n");
	}

	private double startupMedian(String app) {
		List<Map<String, String>> runs = this.startups.get(app);
		return (runs != null) ? median(runs, "run_ms") : Double.NaN;
	}

	private void classpath(StringBuilder md) {
		if (this.webclientJars.isEmpty()) {
			return;
		}
		List<Path> ours = added(this.starterJars, this.webclientJars);
		List<Path> theirs = added(this.openAiJavaJars, this.webclientJars);
		md.append("## Runtime classpath\n\n");
		md.append("| | jars | bytes |\n|---|---|---|\n");
		md.append("| Spring Boot WebClient starter (baseline) | ").append(this.webclientJars.size()).append(" | ")
			.append(size(this.webclientJars)).append(" |\n");
		md.append("| openai-spring-boot-starter adds | ").append(ours.size()).append(" | ").append(size(ours))
			.append(" |\n");
		md.append("| openai-java 4.52.0 adds | ").append(theirs.size()).append(" | ").append(size(theirs)).append(" |\n");
		md.append("| openai-java 4.52.0 alone | ").append(this.openAiJavaJars.size()).append(" | ")
			.append(size(this.openAiJavaJars)).append(" |\n");
		this.peerJars.forEach((peer, jars) -> {
			List<Path> added = added(jars, this.webclientJars);
			md.append("| ").append(peer).append(" adds | ").append(added.size()).append(" | ").append(size(added))
				.append(" |\n");
		});
		md.append("\nWhat the starter adds: ").append(names(ours)).append(".\n\n");
		md.append("What openai-java adds: ").append(names(theirs)).append(".\n\n");
		this.peerJars.forEach((peer, jars) -> md.append("What ").append(peer).append(" adds: ")
			.append(names(added(jars, this.webclientJars))).append(".\n\n"));
	}

	private void environment(StringBuilder md) {
		md.append("## Environment\n\n");
		this.environment.forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("- load average at end: ").append(fmt(this.loadAtEnd, 2)).append('\n');
		md.append("\nRaw JMH results: `jmh.json` and `jmh.log` beside this report; forks' errors in `forks.err.log`.\n");
	}

	// ---- helpers

	/** The peer library's row with the lowest figure, or {@code null} when no peer was measured. */
	private JmhRow bestPeer(String benchmark, java.util.function.ToDoubleFunction<JmhRow> figure) {
		return this.jmh.stream()
			.filter((row) -> row.benchmark.equals(benchmark) && PER_CALL_PEERS.contains(row.client))
			.filter((row) -> !Double.isNaN(figure.applyAsDouble(row)))
			.min(java.util.Comparator.comparingDouble(figure))
			.orElse(null);
	}

	private JmhRow row(String benchmark, String client) {
		return this.jmh.stream()
			.filter((row) -> row.benchmark.equals(benchmark) && row.client.equals(client))
			.findFirst()
			.orElse(null);
	}

	/** How many forks the two figures are the median of, when more than one. */
	private static String forks(Map<String, String> row, Map<String, String> floor) {
		String ours = row.getOrDefault("forks", "1");
		String theirs = floor.getOrDefault("forks", "1");
		if (ours.equals("1") && theirs.equals("1")) {
			return "";
		}
		return ", medians of " + (ours.equals(theirs) ? ours + " forks each" : ours + " and " + theirs + " forks");
	}

	/** The forks and their range of CPU per call, for the load table. */
	private static String forkRange(Map<String, String> row) {
		if (!row.containsKey("forks")) {
			return "1";
		}
		return row.get("forks") + ": " + num(row, "cpu_min", 0) + "-" + num(row, "cpu_max", 0);
	}

	private Map<String, String> loadRow(String client, int concurrency) {
		return this.load.stream()
			.filter((row) -> row.get("client").equals(client) && Integer.parseInt(row.get("concurrency")) == concurrency)
			.findFirst()
			.orElse(null);
	}

	private Map<String, String> streamRow(String client) {
		return this.streams.stream().filter((row) -> row.get("client").equals(client)).findFirst().orElse(null);
	}

	private Map<String, String> chunkRow(String client) {
		return this.chunks.stream().filter((row) -> row.get("client").equals(client)).findFirst().orElse(null);
	}

	static List<Path> added(List<Path> app, List<Path> baseline) {
		Set<Path> base = new LinkedHashSet<>(baseline);
		return app.stream().filter((jar) -> !base.contains(jar)).toList();
	}

	static long size(List<Path> entries) {
		long total = 0;
		for (Path entry : entries) {
			try {
				if (Files.isDirectory(entry)) {
					try (Stream<Path> files = Files.walk(entry)) {
						total += files.filter(Files::isRegularFile).mapToLong(Report::fileSize).sum();
					}
				}
				else if (Files.exists(entry)) {
					total += Files.size(entry);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return total;
	}

	private static long fileSize(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String names(List<Path> jars) {
		List<String> names = new ArrayList<>();
		for (Path jar : jars) {
			String name = jar.getFileName().toString();
			if (name.equals("classes")) {
				name = jar.getParent().getParent().getFileName() + " (classes)";
			}
			names.add("`" + name + "` (" + kb(size(List.of(jar))) + " KB)");
		}
		return names.isEmpty() ? "nothing" : String.join(", ", names);
	}

	private static double median(List<Map<String, String>> rows, String key) {
		double[] values = rows.stream().mapToDouble((row) -> d(row, key)).sorted().toArray();
		if (values.length == 0) {
			return Double.NaN;
		}
		return (values.length % 2 == 1) ? values[values.length / 2]
				: (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
	}

	private static double d(Map<String, String> row, String key) {
		String value = row.get(key);
		return (value != null) ? Double.parseDouble(value) : Double.NaN;
	}

	private static String num(Map<String, String> row, String key, int digits) {
		return fmt(d(row, key), digits);
	}

	private static String ratio(double value, double base) {
		return (Double.isNaN(value) || Double.isNaN(base) || base == 0) ? "" : fmt(value / base, 2) + "x";
	}

	private static String us(double nanos) {
		return fmt(nanos / 1000, 1);
	}

	private static String kb(double bytes) {
		return fmt(bytes / 1024, 1);
	}

	private static String mb(long bytes) {
		return fmt(bytes / 1e6, 2);
	}

	static String fmt(double value, int digits) {
		return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + digits + "f", value);
	}

}
