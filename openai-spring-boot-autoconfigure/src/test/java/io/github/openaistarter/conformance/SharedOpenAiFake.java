package io.github.openaistarter.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * Runs the spec-checking OpenAI stand-in of {@code ../shared/openai-fake} (Node) for a
 * test class: the library's conformance tests and the test module's parity tests use it.
 * Without {@code ../shared} or Node the tests are skipped with the reason, unless
 * {@code OPENAI_FAKE_REQUIRED=true} (set by {@code .ci/run}), where that is a failure.
 */
public final class SharedOpenAiFake implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Process process;

	private final String root;

	private SharedOpenAiFake(Process process, int port) {
		this.process = process;
		this.root = "http://127.0.0.1:" + port;
	}

	public static SharedOpenAiFake start() throws IOException, InterruptedException {
		return start(List.of());
	}

	/**
	 * Starts the fake with options of its own, such as {@code --rpm 20}.
	 * @param options the options
	 * @return the running fake
	 */
	public static SharedOpenAiFake start(List<String> options) throws IOException, InterruptedException {
		Path shared = Path.of(System.getProperty("openai.shared.dir", "../../shared")).toAbsolutePath().normalize();
		Path run = shared.resolve("openai-fake/run");
		boolean required = "true".equalsIgnoreCase(System.getenv("OPENAI_FAKE_REQUIRED"));
		if (!Files.isExecutable(run)) {
			String reason = "The shared OpenAI fake is not at " + run
					+ " (it lives in ../shared beside the checkout); the parity tests against it are skipped";
			if (required) {
				throw new IllegalStateException(reason.replace("are skipped", "are required by OPENAI_FAKE_REQUIRED"));
			}
			Assumptions.abort(reason);
		}
		Path portFile = Files.createTempFile("openai-fake", ".port");
		Files.delete(portFile);
		Path log = Files.createTempFile("openai-fake", ".log");
		List<String> command = new ArrayList<>(
				List.of(run.toString(), "--port", "0", "--port-file", portFile.toString(), "--quiet"));
		command.addAll(options);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		Instant deadline = Instant.now().plusSeconds(120);
		while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
			if (!process.isAlive() || Instant.now().isAfter(deadline)) {
				process.destroyForcibly();
				String reason = "The shared OpenAI fake did not start (is Node installed?): " + Files.readString(log);
				if (required) {
					throw new IllegalStateException(reason);
				}
				Assumptions.abort(reason);
			}
			Thread.sleep(100);
		}
		return new SharedOpenAiFake(process, Integer.parseInt(Files.readString(portFile).trim()));
	}

	public String baseUrl() {
		return this.root + "/v1";
	}

	/**
	 * The fake's root, where Azure OpenAI's routes start ({@code /openai/v1},
	 * {@code /openai/deployments}).
	 * @return for example {@code http://127.0.0.1:54321}
	 */
	public String root() {
		return this.root;
	}

	/**
	 * A transport to this fake for the conformance tests: the transport under test, no
	 * retries (each request the fake records is one the test sent), a short stream idle
	 * timeout.
	 * @param apiKey the key to send
	 * @return the builder, to add settings to
	 */
	public OpenAiTransport.Builder transport(String apiKey) {
		return OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(baseUrl())
			.apiKey(apiKey)
			.streamIdleTimeout(Duration.ofSeconds(2))
			.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0));
	}

	/** Forgets stored completions, requests, violations and queued faults. */
	public void reset() {
		control("POST", "/__fake/reset", null);
	}

	/**
	 * Queues a fault, in the shared fake's JSON.
	 * @param faultJson for example {@code {"status": 429}}
	 */
	public void fault(String faultJson) {
		control("POST", "/__fake/faults", faultJson);
	}

	/** Requests that broke the OpenAPI description, as the fake recorded them. */
	public JsonNode violations() {
		return control("GET", "/__fake/violations", null).get("violations");
	}

	/**
	 * The requests the fake received: method, path, query, headers with keys masked,
	 * body.
	 */
	public JsonNode requests() {
		return control("GET", "/__fake/requests", null).get("requests");
	}

	/**
	 * What the fake counted since the last reset: {@code requests}, {@code created},
	 * {@code rateLimited} (429s of {@code --rpm}/{@code --tpm}), {@code maxInFlight},
	 * {@code tokens}.
	 */
	public JsonNode stats() {
		return control("GET", "/__fake/stats", null);
	}

	/**
	 * Responses of the fake itself that broke the description (a bug in the fake, not the
	 * client).
	 */
	public JsonNode selfCheckProblems() {
		return control("GET", "/__fake/self-check", null).get("problems");
	}

	/**
	 * A chat client to this fake, without retries, for a model.
	 * @param apiKey the key, which the fake uses to keep rate limits apart
	 * @param model the default model
	 * @return the client, for the blocking and reactive templates
	 */
	public ChatCompletionsClient client(String apiKey, String model) {
		return new ChatCompletionsClient(transport(apiKey).build(), Map.of("model", model));
	}

	/**
	 * Stops a fake after checking that no request broke the OpenAPI description and that
	 * the fake found no fault of its own: the end of a conformance test class.
	 * @param fake the fake, {@code null} when it never started
	 */
	public static void stopWithoutViolations(@Nullable SharedOpenAiFake fake) {
		if (fake == null) {
			return;
		}
		try {
			JsonNode violations = fake.violations();
			if (!violations.isEmpty()) {
				throw new AssertionError("Requests that broke the OpenAPI description: " + violations);
			}
			JsonNode problems = fake.selfCheckProblems();
			if (!problems.isEmpty()) {
				throw new AssertionError("Answers of the fake that broke the description: " + problems);
			}
		}
		finally {
			fake.close();
		}
	}

	private JsonNode control(String method, String path, @Nullable String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.root + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json")
			.build();
		try {
			return this.json.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("The shared OpenAI fake did not answer " + method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
	}

}
