package io.github.openaistarter.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.RateLimitException;
import io.github.openaistarter.ratelimit.RateLimitBudgetException;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three instances of an application (three Spring Boot application contexts, one API key) driving three times
 * the requests-per-minute limit of {@code ../shared/openai-fake --rpm} for a minute each way: without a client-side
 * limit (retries only), with a budget per instance, and with one budget shared through a real {@code redis-server}.
 * The fake counts what reached it: requests, completions, 429s.
 */
final class SharedBudgetLoad {

	static final int RPM = 120;

	static final int INSTANCES = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path shared;

	private final Duration warmUp;

	private final Duration duration;

	/**
	 * Prepares the measure.
	 * @param shared the {@code ../shared} folder
	 * @param warmUp how long the load runs before counting: the time to empty the full bucket OpenAI starts with
	 * @param duration how long it is counted
	 */
	SharedBudgetLoad(Path shared, Duration warmUp, Duration duration) {
		this.shared = shared;
		this.warmUp = warmUp;
		this.duration = duration;
	}

	/** One scenario's figures, as the report shows them. */
	record Outcome(String scenario, int sent, int created, int throttled, int succeeded, int refused, int failed,
			Duration duration) {

		double throttledShare() {
			return (this.sent > 0) ? (double) this.throttled / this.sent : 0;
		}

		double goodputOfLimit() {
			return this.created / (RPM * (this.duration.toMillis() / 60_000.0));
		}

	}

	List<Outcome> run() throws Exception {
		List<Outcome> outcomes = new ArrayList<>();
		try (Redis redis = Redis.start(); Fake fake = Fake.start(this.shared, RPM)) {
			Map<String, String[]> scenarios = new LinkedHashMap<>();
			scenarios.put("no client-side limit (retries only)", new String[] {});
			scenarios.put("a budget per instance (store=local)",
					new String[] { "openai.rate-limit.enabled=true", "openai.rate-limit.store=local" });
			scenarios.put("one budget shared through Redis (store=redis)",
					new String[] { "openai.rate-limit.enabled=true", "openai.rate-limit.store=redis" });
			for (Map.Entry<String, String[]> scenario : scenarios.entrySet()) {
				fake.reset();
				outcomes.add(drive(scenario.getKey(), fake, redis, scenario.getValue()));
			}
		}
		return outcomes;
	}

	private Outcome drive(String name, Fake fake, Redis redis, String[] rateLimit) {
		List<ConfigurableApplicationContext> instances = new ArrayList<>();
		AtomicInteger succeeded = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger throttled = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		List<Disposable> load = new ArrayList<>();
		try {
			for (int i = 0; i < INSTANCES; i++) {
				instances.add(new SpringApplicationBuilder(Instance.class).web(WebApplicationType.NONE)
					.properties("openai.base-url=" + fake.baseUrl(), "openai.api-key=sk-shared-budget-benchmark",
							"openai.chat.model=gpt-4o-mini", "openai.rate-limit.max-wait=5s",
							"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
							"spring.data.redis.repositories.enabled=false", "logging.level.root=warn",
							"spring.main.banner-mode=off")
					.properties(rateLimit)
					.run());
			}
			// each instance offers the whole limit: three times the limit together
			Duration every = Duration.ofMillis(60_000 / RPM);
			for (ConfigurableApplicationContext instance : instances) {
				ReactiveChatCompletionsOperations chat = instance.getBean(ReactiveChatCompletionsOperations.class);
				load.add(Flux.interval(every)
					.flatMap((tick) -> chat.create(request())
						.doOnNext((answer) -> succeeded.incrementAndGet())
						.onErrorResume((ex) -> {
							(ex instanceof RateLimitBudgetException ? refused
									: ex instanceof RateLimitException ? throttled : failed)
								.incrementAndGet();
							return Mono.empty();
						}))
					.subscribe());
			}
			// counted once the bucket the server starts with, full, has been spent: the steady state
			sleep(this.warmUp);
			JsonNode before = fake.stats();
			int[] counted = { succeeded.get(), refused.get(), throttled.get() + failed.get() };
			sleep(this.duration);
			JsonNode after = fake.stats();
			load.forEach(Disposable::dispose);
			return new Outcome(name, delta(before, after, "requests"), delta(before, after, "created"),
					delta(before, after, "rateLimited"), succeeded.get() - counted[0], refused.get() - counted[1],
					throttled.get() + failed.get() - counted[2], this.duration);
		}
		finally {
			load.forEach(Disposable::dispose);
			instances.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static int delta(JsonNode before, JsonNode after, String counter) {
		return after.get(counter).asInt() - before.get(counter).asInt();
	}

	private static ChatCompletionRequest request() {
		return ChatCompletionRequest.builder()
			.message(ChatMessage.user("Say hello"))
			.maxCompletionTokens(16)
			.build();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The application each instance runs: the starter, configured by properties. */
	@SpringBootApplication
	static class Instance {

	}

	/** A real redis-server on a free loopback port. */
	record Redis(Process process, int port) implements AutoCloseable {

		static Redis start() throws IOException, InterruptedException {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Process process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			Instant deadline = Instant.now().plusSeconds(20);
			while (Instant.now().isBefore(deadline)) {
				try (Socket socket = new Socket("127.0.0.1", port)) {
					return new Redis(process, port);
				}
				catch (IOException notYet) {
					Thread.sleep(50);
				}
			}
			process.destroyForcibly();
			throw new IllegalStateException("redis-server did not start (apt-get install redis-server)");
		}

		@Override
		public void close() {
			this.process.destroy();
		}

	}

	/** {@code ../shared/openai-fake} with a requests-per-minute limit. */
	record Fake(Process process, String root) implements AutoCloseable {

		private static final HttpClient HTTP = HttpClient.newHttpClient();

		static Fake start(Path shared, int rpm) throws IOException, InterruptedException {
			Path portFile = Files.createTempFile("openai-fake", ".port");
			Files.delete(portFile);
			Process process = new ProcessBuilder(shared.resolve("openai-fake/run").toString(), "--port", "0",
					"--port-file", portFile.toString(), "--quiet", "--rpm", String.valueOf(rpm))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			Instant deadline = Instant.now().plusSeconds(120);
			while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
				if (!process.isAlive() || Instant.now().isAfter(deadline)) {
					process.destroyForcibly();
					throw new IllegalStateException("../shared/openai-fake did not start (is Node installed?)");
				}
				Thread.sleep(100);
			}
			return new Fake(process, "http://127.0.0.1:" + Files.readString(portFile).trim());
		}

		String baseUrl() {
			return this.root + "/v1";
		}

		void reset() throws IOException, InterruptedException {
			HTTP.send(HttpRequest.newBuilder(URI.create(this.root + "/__fake/reset"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding());
		}

		JsonNode stats() {
			try {
				return JSON.readTree(HTTP
					.send(HttpRequest.newBuilder(URI.create(this.root + "/__fake/stats")).build(),
							HttpResponse.BodyHandlers.ofString())
					.body());
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException("Could not read the fake's stats", ex);
			}
		}

		@Override
		public void close() {
			this.process.destroy();
		}

	}

}
