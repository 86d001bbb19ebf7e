package io.github.openaistarter.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import org.springframework.util.FileSystemUtils;

/**
 * Runs every measure against one stand-in process and writes the Markdown report: JMH per call, per stream
 * chunk and per list page; the load driver at 1, 64 and 1,000 calls in flight; the delay of stamped chunks; 10,000
 * streams open at once ({@link OpenStreamsLoad}); startup of the minimal apps; and the classpath each client adds.
 * Each client that is measured under load, for chunk delays or with open streams runs in a JVM of its own. The
 * peers (Spring AI, LangChain4j) run every measure in JVMs on their own module's classpath
 * ({@link ClientKind#module()}): JMH forks them from that classpath, and the load driver runs on it.
 *
 * <p>System properties: {@code bench.out} (report folder, default {@code target}), {@code bench.classpaths}
 * (the {@code benchmarks/} folder whose modules wrote {@code target/classpath.txt}), {@code bench.quick}
 * (short runs, for developing the harness).
 */
public final class Suite {

	/**
	 * The clients of the load measure: the floor, the starter, and every peer at its defaults (Spring AI and
	 * LangChain4j tuned too, as their docs offer), and the floor blocked on, a virtual thread per call, as the
	 * starter's blocking API is driven. The WebClient floor and openai-java async are measured per create only, and
	 * only when named ({@code benchmarks/run webclient}), to keep the whole run under 15 minutes.
	 */
	static final List<ClientKind> LOAD_CLIENTS = List.of(ClientKind.FLOOR, ClientKind.OURS_REACTIVE,
			ClientKind.FLOOR_BLOCKING, ClientKind.OURS_BLOCKING, ClientKind.OPENAI_JAVA, ClientKind.SPRING_AI,
			ClientKind.SPRING_AI_TUNED, ClientKind.LANGCHAIN4J, ClientKind.LANGCHAIN4J_TUNED);

	/**
	 * The clients measured at 1,000 calls in flight only, to keep the whole run under 15 minutes: at 64 every client
	 * completes what the server's latency allows, and the tuned peers' settings and the blocking floor matter only
	 * with many calls in flight.
	 */
	static final List<ClientKind> LOAD_AT_1000_ONLY = List.of(ClientKind.FLOOR_BLOCKING, ClientKind.SPRING_AI_TUNED,
			ClientKind.LANGCHAIN4J_TUNED);

	/**
	 * The clients the load targets compare, run in {@link #LOAD_FORKS} JVMs: the starter's CPU per
	 * call moved by a third from one JVM to the next in the same minute, so one JVM's figure is not enough to compare.
	 */
	static final List<ClientKind> LOAD_FORKED = List.of(ClientKind.FLOOR, ClientKind.OURS_REACTIVE,
			ClientKind.OURS_BLOCKING);

	static final int LOAD_FORKS = 3;

	/** How long a JMH fork's JVM may outlive its measurements, waiting for its client's stray threads, in seconds. */
	static final int FORK_EXIT_WAIT_S = 2;

	/** The peers measured per create and per stream chunk, each in JMH forks on its own module's classpath. */
	static final List<ClientKind> JMH_PEERS = List.of(ClientKind.SPRING_AI, ClientKind.LANGCHAIN4J);

	/** The minimal apps of the startup measure: the report's label, the module, the arguments it needs. */
	static final List<StartupApp> STARTUP_APPS = List.of(new StartupApp(StartupApp.BASELINE, "minimal-app"),
			new StartupApp("+ openai-spring-boot-starter", "minimal-app-openai"),
			new StartupApp("+ Spring AI 2.0.1 (spring-ai-starter-model-openai)", "minimal-app-spring-ai",
					"--spring.ai.openai.api-key=sk-startup-probe"),
			new StartupApp("+ LangChain4j 1.19.0 (langchain4j-open-ai, two model beans)", "minimal-app-langchain4j",
					"--langchain4j.open-ai.api-key=sk-startup-probe"));

	static final List<ClientKind> CHUNK_CLIENTS = List.of(ClientKind.FLOOR, ClientKind.OURS_REACTIVE,
			ClientKind.OURS_BLOCKING, ClientKind.OPENAI_JAVA);

	/**
	 * The clients held to many open streams: the floor, this starter, and the peers through their streaming APIs
	 * (openai-java, which opens them more slowly still, left out to keep the measure within about 3 minutes).
	 */
	static final List<ClientKind> STREAM_CLIENTS = List.of(ClientKind.FLOOR, ClientKind.OURS_REACTIVE,
			ClientKind.OURS_BLOCKING, ClientKind.SPRING_AI, ClientKind.LANGCHAIN4J);

	/** The clients {@code benchmarks/run profile} profiles, the first being the one the others are compared with. */
	static final List<ClientKind> PROFILED = List.of(ClientKind.FLOOR, ClientKind.OURS_REACTIVE,
			ClientKind.FLOOR_BLOCKING, ClientKind.OURS_BLOCKING);

	static final int PROFILE_ROUNDS = 2;

	static final int PROFILE_WARMUP_S = 30;

	static final int PROFILE_MEASURE_S = 10;

	static final int OPEN_STREAMS = 10_000;

	static final int OPEN_STREAMS_QUICK = 500;

	static final int[] CONCURRENCY = { 64, 1000 };

	static final int LOAD_LATENCY_MS = 100;

	/**
	 * Seconds of the load measure: the JIT warm-up of each client (at 1,000 in flight, with the latency), then for
	 * each level, 64 first, the ramp and the window measured.
	 */
	static final int LOAD_WARMUP_S = 10;

	static final int LOAD_RAMP_S = 1;

	static final int LOAD_MEASURE_S = 4;

	static final int CHUNKS_PER_STREAM = 200;

	private final boolean quick = Boolean.getBoolean("bench.quick");

	private final Path out = Path.of(System.getProperty("bench.out", "target"));

	private final Path modules = Path.of(System.getProperty("bench.classpaths", ".."));

	private final Report report = new Report();

	public static void main(String[] args) throws Exception {
		new Suite().run(List.of(args));
		System.exit(0);
	}

	private void run(List<String> only) throws Exception {
		long started = System.nanoTime();
		Files.createDirectories(this.out);
		this.report.environment(environment());
		try (ServerProcess server = ServerProcess.start()) {
			log("stand-in listening on 127.0.0.1:" + server.port() + (this.quick ? " (quick run)" : ""));
			if (only.isEmpty() || only.contains("jmh")) {
				jmh(server.port());
			}
			if (only.contains("webclient")) {
				// no target compares with them: measured only when named, to keep the full run under 15 minutes
				log("JMH: the transports' floors (WebClient, Spring's connector) and openai-java's asynchronous API,"
						+ " per create");
				for (RunResult result : runJmh(server.port(), "jmh-webclient", 11, 3,
						(options) -> options.param("client", "webclient-floor", "connector-floor", "openai-java-async"),
						CreateBenchmark.class)) {
					this.report.jmh(row(result, "create", result.getParams().getParam("client"), 1));
				}
			}
			if (only.contains("list")) {
				// list pages are no target: measured only when named, to keep the full run under 15 minutes
				for (RunResult result : runJmh(server.port(), "jmh-list", 6, 3, ListBenchmark.class)) {
					this.report.jmh(row(result, "list", result.getParams().getParam("client"), 1));
				}
			}
			// the typed features' own cost: measured when named, to keep the full run under 15 minutes
			if (only.contains("structured")) {
				structured(server.port());
			}
			if (only.contains("tools")) {
				tools(server.port());
			}
			if (only.isEmpty() || only.contains("load")) {
				load(server.port());
			}
			if (only.contains("profile")) {
				// where each client's CPU and allocation go, at steady state: only when named
				profile(server.port());
			}
			if (only.contains("chunks")) {
				// no target: measured only when named, to keep the full run under 15 minutes
				chunks(server.port());
			}
			if (only.isEmpty() || only.contains("streams")) {
				streams(server.port());
			}
		}
		if (only.isEmpty() || only.contains("startup")) {
			startup();
		}
		if (only.isEmpty() || only.contains("classpath")) {
			classpath();
		}
		if (only.contains("ratelimit")) {
			// three application contexts for a minute each way, with redis-server and ../shared: only when named
			Duration warmUp = this.quick ? Duration.ofSeconds(10) : Duration.ofSeconds(40);
			Duration each = this.quick ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
			log("rate limits: three instances at three times --rpm " + SharedBudgetLoad.RPM + ", counted for "
					+ each.toSeconds() + " s each way after " + warmUp.toSeconds() + " s");
			this.report.rateLimits(
					new SharedBudgetLoad(Path.of(System.getProperty("bench.shared", "../shared")), warmUp, each)
						.run());
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		this.report.finished(took, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		charts();
		Path file = this.out.resolve("report.md");
		Files.writeString(file, this.report.toMarkdown());
		Files.writeString(this.out.resolve("targets.tsv"), this.report.targetsTsv());
		log("report written to " + file.toAbsolutePath() + " in " + took.toMinutes() + " min " + took.toSecondsPart()
				+ " s");
	}

	/** Draws the report's charts beside it, for the report to show; a run that cannot draw them reports without. */
	private void charts() {
		try {
			List<String> written = Charts.of(this.report).write(this.out);
			this.report.charts(written);
			log("charts written: " + written);
		}
		catch (IOException | RuntimeException | LinkageError | InternalError ex) {
			log("charts not drawn: " + ex);
		}
	}

	private Map<String, String> environment() throws IOException {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("date", Instant.now().toString());
		env.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
				+ System.getProperty("java.vendor") + ")");
		env.put("virtual threads", VirtualThreads.available() ? "yes" : "no (blocking clients on platform threads)");
		env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		env.put("cpu", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores available");
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		env.put("memory", (os.getTotalMemorySize() >> 30) + " GiB");
		env.put("load average at start", String.format(java.util.Locale.ROOT, "%.2f", os.getSystemLoadAverage()));
		env.put("run", this.quick ? "quick (short iterations: for developing the harness only)" : "full");
		return env;
	}

	private static String cpuModel() throws IOException {
		Path cpuinfo = Path.of("/proc/cpuinfo");
		if (Files.isReadable(cpuinfo)) {
			for (String line : Files.readAllLines(cpuinfo)) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		return System.getProperty("os.arch");
	}

	private void jmh(int port) throws IOException, RunnerException {
		log("JMH: create and stream on one thread, with -prof gc and process CPU time");
		// Reactor Netty clients (the starter, the floors) take 20 s or more to reach their compiled steady state on
		// two cores, where the JIT's threads compete with the client's and the event loop's: with 12 s of warm-up
		// the time per create still fell by half during the measurement
		List<RunResult> results = new ArrayList<>(runJmh(port, "jmh", 11, 3, CreateBenchmark.class,
				StreamBenchmark.class));
		for (ClientKind peer : JMH_PEERS) {
			log("JMH: " + peer.description() + ", create and stream, forked on benchmarks/" + peer.module());
			results.addAll(onClasspathOf(peer.module(), () -> runJmh(port, "jmh-" + peer.id(), 11, 3,
					(options) -> options.param("client", peer.id()), CreateBenchmark.class, StreamBenchmark.class)));
		}
		for (RunResult result : results) {
			String benchmark = result.getParams().getBenchmark();
			this.report.jmh(row(result, benchmark.substring(benchmark.lastIndexOf('.') + 1),
					result.getParams().getParam("client"), 1));
		}
	}

	/**
	 * Runs JMH with its forks on a module's classpath: JMH starts each fork on this JVM's
	 * {@code java.class.path}, which is set for the run and restored after.
	 */
	private Collection<RunResult> onClasspathOf(String module, JmhRun run) throws IOException, RunnerException {
		String own = System.getProperty("java.class.path");
		System.setProperty("java.class.path", classpathOf(module, true));
		try {
			return run.run();
		}
		finally {
			System.setProperty("java.class.path", own);
		}
	}

	/** A JMH run that may fail. */
	@FunctionalInterface
	private interface JmhRun {

		Collection<RunResult> run() throws RunnerException;

	}

	private void structured(int port) throws RunnerException {
		log("JMH: typed create vs plain create; streamed structured answers of 200 and 2,000 items, per chunk");
		for (RunResult result : runJmh(port, "jmh-structured", 3, 3, StructuredCreateBenchmark.class,
				StreamedAnswerBenchmark.class)) {
			boolean create = result.getParams().getBenchmark().endsWith(".create");
			String variant = create
					? result.getParams().getParam("client") + " " + result.getParams().getParam("call")
					: result.getParams().getParam("reader") + " " + result.getParams().getParam("items");
			double per = create ? 1
					: StreamedAnswerBenchmark.chunks(Integer.parseInt(result.getParams().getParam("items")));
			this.report.jmh(row(result, create ? "structured-create" : "structured-stream", variant, per));
		}
	}

	private void tools(int port) throws RunnerException {
		log("JMH: the tool loop's own cost per round, next to a plain create");
		for (RunResult result : runJmh(port, "jmh-tools", 4, 3, ToolLoopBenchmark.class)) {
			boolean loop = result.getParams().getParam("call").equals("tool-loop");
			this.report.jmh(row(result, "tool-loop", loop ? "tool loop, per round" : "plain-create",
					loop ? ToolLoopBenchmark.ROUNDS : 1));
		}
	}

	/** Runs JMH benchmarks in one fork, with the GC and CPU-time profilers, writing {@code <name>.json/.log}. */
	private Collection<RunResult> runJmh(int port, String name, int warmups, int measurements,
			Class<?>... benchmarks) throws RunnerException {
		return runJmh(port, name, warmups, measurements, (options) -> options, benchmarks);
	}

	/**
	 * Runs JMH benchmarks as above, with more options (parameters) set by {@code more}. A fork whose client leaves
	 * threads that keep a JVM alive (Spring AI's OkHttp dispatcher and openai-java's stream handlers, idle for 60 s,
	 * outlive its closed context) is ended {@value #FORK_EXIT_WAIT_S} s after its measurements rather than JMH's
	 * default 30 s, which made 40 s of every run; what it measured is unchanged.
	 */
	private Collection<RunResult> runJmh(int port, String name, int warmups, int measurements,
			UnaryOperator<ChainedOptionsBuilder> more, Class<?>... benchmarks) throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder().forks(1)
			.warmupIterations(this.quick ? 2 : warmups)
			.warmupTime(TimeValue.seconds(this.quick ? 1 : 2))
			.measurementIterations(this.quick ? 2 : measurements)
			.measurementTime(TimeValue.seconds(this.quick ? 1 : 2))
			.jvmArgs("-Xms1g", "-Xmx1g", "-Dbench.port=" + port, "-Djmh.shutdownTimeout=" + FORK_EXIT_WAIT_S,
					"-Djmh.shutdownTimeout.step=1")
			.addProfiler(GCProfiler.class)
			.addProfiler(CpuTimeProfiler.class)
			.resultFormat(ResultFormatType.JSON)
			.result(this.out.resolve(name + ".json").toString())
			.output(this.out.resolve(name + ".log").toString());
		for (Class<?> benchmark : benchmarks) {
			options.include("\\." + benchmark.getSimpleName() + "\\.");
		}
		return new Runner(more.apply(options).build()).run();
	}

	/** A report row of a result, its figures divided by the operations one op stands for. */
	private static Report.JmhRow row(RunResult result, String benchmark, String client, double per) {
		Map<String, Result> secondary = result.getSecondaryResults();
		return new Report.JmhRow(benchmark, client, result.getPrimaryResult().getScore() / per,
				result.getPrimaryResult().getScoreError() / per, score(secondary.get("cpu.time.norm")) / per,
				score(secondary.get("gc.alloc.rate.norm")) / per);
	}

	private static double score(Result result) {
		return (result != null) ? result.getScore() : Double.NaN;
	}

	private void load(int port) throws IOException, InterruptedException {
		log("load: " + LOAD_LATENCY_MS + " ms latency, concurrency 64 and 1000, one JVM per client, " + LOAD_FORKS
				+ " for " + LOAD_FORKED.stream().map(ClientKind::id).collect(Collectors.joining(", "))
				+ ", in rounds");
		int rounds = this.quick ? 1 : LOAD_FORKS;
		// in rounds: the JVMs compared with one another run minutes apart at most, so a slower spell of the
		// shared machine weighs on each client alike rather than on the one that ran then
		for (int round = 0; round < rounds; round++) {
			for (ClientKind kind : LOAD_CLIENTS) {
				if (round == 0 || LOAD_FORKED.contains(kind)) {
					loadFork(kind, port);
				}
			}
		}
	}

	private void loadFork(ClientKind kind, int port) throws IOException, InterruptedException {
		List<String> args = new ArrayList<>(List.of(LoadDriver.class.getName(), "load", kind.id(),
				String.valueOf(port), "latency=" + LOAD_LATENCY_MS,
				LOAD_AT_1000_ONLY.contains(kind) ? "concurrency=1000" : "concurrency=64,1000"));
		args.addAll(this.quick ? List.of("warmup=2", "ramp=1", "measure=2")
				: List.of("warmup=" + LOAD_WARMUP_S, "ramp=" + LOAD_RAMP_S, "measure=" + LOAD_MEASURE_S));
		// every fork runs both levels: the one at 64 lets the JIT catch up with the warm-up, which it cannot do
		// while 1,000 calls in flight take both cores (forks at 1,000 only spent 1-3 s of their 4 s window
		// compiling)
		for (Map<String, String> line : fork(kind, args, "LOAD ")) {
			this.report.load(line);
			log("  " + line);
		}
	}

	/**
	 * Profiles the floor and the starter at 1,000 calls in flight, at steady state: after {@value #PROFILE_WARMUP_S} s
	 * of warm-up at that load (the CPU per call stops falling after about 20 s), one window of
	 * {@value #PROFILE_MEASURE_S} s per JVM, sampled by {@link WindowProfile}; the clients in turns, in
	 * {@value #PROFILE_ROUNDS} rounds. Writes {@code profile.md} ({@link ProfileSummary}) and the raw profiles in
	 * {@code profile/}.
	 */
	private void profile(int port) throws IOException, InterruptedException {
		Path dir = this.out.resolve("profile");
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		int rounds = this.quick ? 1 : PROFILE_ROUNDS;
		int warmup = this.quick ? 5 : PROFILE_WARMUP_S;
		int measure = this.quick ? 3 : PROFILE_MEASURE_S;
		log("profile: " + PROFILED.stream().map(ClientKind::id).collect(Collectors.joining(", "))
				+ " at 1000 in flight, " + LOAD_LATENCY_MS + " ms latency, " + rounds + " rounds");
		for (int round = 1; round <= rounds; round++) {
			for (ClientKind kind : PROFILED) {
				List<String> args = List.of(LoadDriver.class.getName(), "load", kind.id(), String.valueOf(port),
						"latency=" + LOAD_LATENCY_MS, "concurrency=1000", "warmup=" + warmup, "ramp=1",
						"measure=" + measure, "profile=" + dir.resolve(kind.id() + "-" + round));
				for (Map<String, String> line : fork(kind, args, "LOAD ")) {
					log("  " + line);
				}
			}
		}
		ProfileSummary summary = ProfileSummary.read(dir, PROFILED.stream().map(ClientKind::id).toList());
		Path file = this.out.resolve("profile.md");
		StringBuilder md = new StringBuilder("# Where the CPU and the allocation go, per call\n\n");
		environment().forEach((key, value) -> md.append("- ").append(key).append(": ").append(value).append('\n'));
		md.append("\nEach JVM: `LoadDriver load CLIENT PORT latency=" + LOAD_LATENCY_MS + " concurrency=1000 warmup="
				+ warmup + " ramp=1 measure=" + measure + " profile=PREFIX`: async-profiler's CPU samples (one per millisecond of a thread's CPU time) and"
				+ " JFR's allocation samples over the measured window only. One sample per millisecond over the"
				+ " window's calls reads as microseconds per call.\n\n");
		md.append(summary.toMarkdown());
		Files.writeString(file, md);
		log("profile written to " + file.toAbsolutePath());
	}

	private void chunks(int port) throws IOException, InterruptedException {
		log("chunk delay: " + CHUNKS_PER_STREAM + "-chunk streams written 1 ms apart, one JVM per client");
		for (ClientKind kind : CHUNK_CLIENTS) {
			List<String> args = List.of(LoadDriver.class.getName(), "chunks", kind.id(), String.valueOf(port),
					"chunks=" + CHUNKS_PER_STREAM, this.quick ? "streams=10" : "streams=40",
					this.quick ? "warmup=3" : "warmup=10");
			for (Map<String, String> line : fork(kind, args, "CHUNKS ")) {
				this.report.chunks(line);
				log("  " + line);
			}
		}
	}

	private void streams(int port) throws IOException, InterruptedException {
		int streams = this.quick ? OPEN_STREAMS_QUICK : OPEN_STREAMS;
		log("open streams: " + streams + " at once, one chunk a second each, one JVM per client");
		long started = System.nanoTime();
		for (ClientKind kind : STREAM_CLIENTS) {
			List<String> args = new ArrayList<>(List.of(OpenStreamsLoad.class.getName(), kind.id(),
					String.valueOf(port), "streams=" + streams));
			args.addAll(this.quick ? List.of("window=3", "probes=50", "open=20") : List.of());
			for (Map<String, String> line : fork(kind, OpenStreamsLoad.JVM_ARGS, args, "STREAMS ")) {
				this.report.streams(line);
				log("  " + line);
			}
		}
		log("open streams took " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
	}

	private void startup() throws IOException, InterruptedException {
		log("startup: the minimal app with Spring Boot's WebClient starter, then with the OpenAI starter, Spring AI or"
				+ " LangChain4j added, in turns");
		Map<StartupApp, String> classpaths = new LinkedHashMap<>();
		for (StartupApp app : STARTUP_APPS) {
			// the minimal apps with code of their own (the baseline, LangChain4j's beans) need their jar too
			classpaths.put(app, classpathOf(app.module(), hasJar(app.module())));
		}
		// three runs of each app: its median, with the whole run kept under 15 minutes
		int runs = 3;
		for (int i = 0; i < runs; i++) {
			for (StartupApp app : STARTUP_APPS) {
				List<String> args = new ArrayList<>(List.of("-cp", classpaths.get(app),
						"io.github.openaistarter.benchmarks.app.StartupProbe"));
				args.addAll(app.arguments());
				for (Map<String, String> line : forkRaw(args, "STARTUP ")) {
					this.report.startup(app.label(), line);
				}
			}
		}
	}

	private boolean hasJar(String module) throws IOException {
		try (var files = Files.list(this.modules.resolve(module).resolve("target"))) {
			return files.anyMatch((p) -> p.toString().endsWith(".jar"));
		}
	}

	private void classpath() throws IOException {
		log("classpath: jars each client adds");
		Map<String, List<Path>> peers = new LinkedHashMap<>();
		peers.put("Spring AI 2.0.1 (spring-ai-starter-model-openai)", jars(classpathOf("minimal-app-spring-ai", false)));
		peers.put("LangChain4j 1.19.0 (langchain4j-open-ai)", jars(classpathOf("minimal-app-langchain4j", false)));
		this.report.classpath(jars(classpathOf("minimal-app", true)), jars(classpathOf("minimal-app-openai", false)),
				jars(classpathOf("openai-java-classpath", false)), peers);
	}

	private String classpathOf(String module, boolean withOwnJar) throws IOException {
		Path file = this.modules.resolve(module).resolve("target/classpath.txt");
		if (!Files.isReadable(file)) {
			throw new IOException(file + " is missing: build with benchmarks/run, which writes it");
		}
		String classpath = Files.readString(file).trim();
		if (withOwnJar) {
			try (var jars = Files.list(this.modules.resolve(module).resolve("target"))) {
				Path jar = jars.filter((p) -> p.toString().endsWith(".jar")).findFirst()
					.orElseThrow(() -> new IOException("no jar in " + module + "/target"));
				classpath = jar + java.io.File.pathSeparator + classpath;
			}
		}
		return classpath;
	}

	private static List<Path> jars(String classpath) {
		List<Path> jars = new ArrayList<>();
		for (String entry : classpath.split(java.io.File.pathSeparator)) {
			if (!entry.isBlank()) {
				jars.add(Path.of(entry).toAbsolutePath().normalize());
			}
		}
		return jars;
	}

	/**
	 * Runs a main class of this classpath in a JVM of its own, and reads its result lines; for a peer, on its
	 * module's classpath (which has the harness on it).
	 */
	private List<Map<String, String>> fork(ClientKind kind, List<String> mainAndArgs, String prefix)
			throws IOException, InterruptedException {
		return fork(kind, List.of("-Xms1g", "-Xmx1g"), mainAndArgs, prefix);
	}

	/** Runs a main class as above, with the JVM options given. */
	private List<Map<String, String>> fork(ClientKind kind, List<String> jvmOptions, List<String> mainAndArgs,
			String prefix) throws IOException, InterruptedException {
		String classpath = kind.isPeer() ? classpathOf(kind.module(), true) : System.getProperty("java.class.path");
		List<String> args = new ArrayList<>(jvmOptions);
		args.addAll(List.of("-cp", classpath));
		args.addAll(mainAndArgs);
		return forkRaw(args, prefix);
	}

	private List<Map<String, String>> forkRaw(List<String> args, String prefix) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(ServerProcess.javaExecutable());
		command.addAll(args);
		Path errors = this.out.resolve("forks.err.log");
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()))
			.start();
		process.getOutputStream().close();
		List<Map<String, String>> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith(prefix)) {
					lines.add(parse(line.substring(prefix.length())));
				}
			}
		}
		int exit = process.waitFor();
		if (exit != 0 || lines.isEmpty()) {
			log("  a fork ended with exit " + exit + " and " + lines.size() + " results; see " + errors);
		}
		return lines;
	}

	static Map<String, String> parse(String line) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String pair : line.trim().split("\\s+")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
		}
		return values;
	}

	private static void log(String message) {
		System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
		System.out.flush();
	}

}
