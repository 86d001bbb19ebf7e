package io.github.openaistarter.logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.LoggingCallObserver;
import io.github.openaistarter.core.LoggingCallObserver.Detail;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.core.OpenAiJson;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.core.RetryPolicy;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests the request log ({@code openai.logging.requests}) over HTTP: one INFO line per
 * call with its metadata, bodies shortened and credential headers redacted, and stream
 * chunks at TRACE only.
 */
@Timeout(30)
@ExtendWith(OutputCaptureExtension.class)
class RequestLoggingHttpTests {

	private static final String API_KEY = "sk-logged-never-8642";

	private static final String LINE_PREFIX = "OpenAI POST /chat/completions";

	private final MockWebServer server = new MockWebServer();

	private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingCallObserver.LOGGER);

	private Level originalLevel;

	@BeforeEach
	void startServer() throws IOException {
		this.server.start();
		((QueueDispatcher) this.server.getDispatcher()).setFailFast(true);
		this.originalLevel = this.logger.getLevel();
		this.logger.setLevel(Level.INFO);
	}

	@AfterEach
	void stopServerAndRestoreTheLogLevel() {
		this.logger.setLevel(this.originalLevel);
		this.server.close();
	}

	private ChatCompletionsOperations chat(Detail detail, RetryPolicy retryPolicy) {
		OpenAiTransport transport = OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(this.server.url("/v1").toString())
			.apiKey(API_KEY)
			.retryPolicy(retryPolicy)
			.observer(new LoggingCallObserver(detail, 60, Set.of("X-Secret-Token"), OpenAiJson.createMapper()))
			.build();
		return new ChatCompletionsTemplate(new ChatCompletionsClient(transport, Map.of()));
	}

	private ChatCompletionsOperations chat(Detail detail) {
		return chat(detail, RetryPolicy.DEFAULT.withMaxRetries(0));
	}

	private static ChatCompletionRequest hello() {
		return ChatCompletionRequest.builder()
			.model("gpt-4o-mini")
			.message(ChatMessage.user("Tell me a long story about a lighthouse keeper and the sea"))
			.build();
	}

	private static MockResponse.Builder completion() {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req_log_1")
			.body(fixture("chat-completion.json"));
	}

	private static List<String> lines(CapturedOutput output, String containing) {
		return Arrays.stream(output.getOut().split("\\R")).filter((line) -> line.contains(containing)).toList();
	}

	@Test
	void metadataLogsOneInfoLinePerCall(CapturedOutput output) {
		this.server.enqueue(completion().build());
		chat(Detail.METADATA).create(hello());
		List<String> lines = lines(output, "OpenAI ");
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).contains(" INFO ")
			.containsPattern("OpenAI POST /chat/completions -> 200 in \\d+ ms \\[request id req_log_1\\] "
					+ "\\(attempts: 1\\)$");
		assertThat(output.getOut()).doesNotContain("lighthouse").doesNotContain("response headers");
		assertThat(output.getAll()).doesNotContain(API_KEY);
	}

	@Test
	void metadataLogsRetriesAndTheAttemptsMade(CapturedOutput output) {
		this.server.enqueue(new MockResponse.Builder().code(503)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}")
			.build());
		this.server.enqueue(completion().build());
		chat(Detail.METADATA, new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(1)))
			.create(hello());
		List<String> lines = lines(output, "OpenAI ");
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0))
			.containsPattern("OpenAI POST /chat/completions attempt 1 failed \\(.*\\); retrying in \\d+ ms");
		assertThat(lines.get(1)).containsPattern(
				"OpenAI POST /chat/completions -> 200 in \\d+ ms \\[request id req_log_1\\] " + "\\(attempts: 2\\)$");
	}

	@Test
	void metadataLogsAFailureWithItsStatus(CapturedOutput output) {
		this.server.enqueue(new MockResponse.Builder().code(404)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req_log_404")
			.body("{\"error\":{\"message\":\"No such completion\",\"type\":\"invalid_request_error\"}}")
			.build());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> chat(Detail.METADATA).retrieve("chatcmpl-gone"));
		List<String> lines = lines(output, "OpenAI ");
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).containsPattern("OpenAI GET /chat/completions/chatcmpl-gone failed -> 404 in \\d+ ms "
				+ "\\[request id req_log_404\\] \\(attempts: 1\\): .*No such completion");
	}

	@Test
	void bodiesAreShortenedAndCredentialHeadersRedacted(CapturedOutput output) {
		this.server.enqueue(completion().addHeader("Authorization", "Bearer " + API_KEY)
			.addHeader("Set-Cookie", "__cf_bm=cookie-secret-value; path=/")
			.addHeader("X-Secret-Token", "token-secret-value")
			.addHeader("openai-processing-ms", "321")
			.build());
		chat(Detail.BODIES).create(hello());
		String out = output.getOut();
		List<String> request = lines(output, LINE_PREFIX + " request: ");
		assertThat(request).hasSize(1);
		assertThat(request.get(0)).containsPattern("request: \\{.{59}\\.\\.\\. \\(\\d+ characters\\)$")
			.doesNotContain("keeper and the sea");
		List<String> response = lines(output, LINE_PREFIX + " response: ");
		assertThat(response).hasSize(1);
		assertThat(response.get(0)).containsPattern("response: \\{.{59}\\.\\.\\. \\(\\d+ characters\\)$");
		List<String> headers = lines(output, "response headers: ");
		assertThat(headers).hasSize(1);
		assertThat(headers.get(0)).contains("Authorization=******")
			.contains("Set-Cookie=******")
			.contains("X-Secret-Token=******")
			.contains("x-request-id=[req_log_1]")
			.contains("openai-processing-ms=[321]");
		assertThat(out).doesNotContain("cookie-secret-value").doesNotContain("token-secret-value");
		assertThat(output.getAll()).doesNotContain(API_KEY);
		assertThat(lines(output, LINE_PREFIX + " -> 200")).hasSize(1);
	}

	@Test
	void streamChunksAreNotLoggedAtInfo(CapturedOutput output) {
		this.server.enqueue(eventStream());
		try (Stream<ChatCompletionChunk> chunks = chat(Detail.BODIES).stream(hello())) {
			assertThat(chunks.count()).isEqualTo(5);
		}
		assertThat(lines(output, " chunk: ")).isEmpty();
		assertThat(lines(output, LINE_PREFIX + " request: ")).hasSize(1);
		assertThat(lines(output, LINE_PREFIX + " response: ")).isEmpty();
		assertThat(lines(output, LINE_PREFIX + " -> 200")).hasSize(1);
	}

	@Test
	void streamChunksAreLoggedAtTrace(CapturedOutput output) {
		this.logger.setLevel(Level.TRACE);
		this.server.enqueue(eventStream());
		try (Stream<ChatCompletionChunk> chunks = chat(Detail.METADATA).stream(hello())) {
			assertThat(chunks.count()).isEqualTo(5);
		}
		List<String> chunks = lines(output, LINE_PREFIX + " chunk: ");
		assertThat(chunks).hasSize(5).allSatisfy((line) -> assertThat(line).contains(" TRACE "));
		assertThat(chunks).allSatisfy((line) -> assertThat(line)
			.containsPattern("chunk: \\{\"id\":\"chatcmpl-123\".{40}\\.\\.\\. \\(\\d+ characters\\)$"));
		assertThat(lines(output, LINE_PREFIX + " -> 200")).hasSize(1);
	}

	@Test
	void nothingIsLoggedByDefaultAndMetadataWhenConfigured(CapturedOutput output) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
					CodecsAutoConfiguration.class))
			.withPropertyValues("openai.api-key=" + API_KEY, "openai.base-url=" + this.server.url("/v1"));
		runner.run((context) -> {
			this.server.enqueue(completion().build());
			context.getBean(ChatCompletionsOperations.class).create(hello());
		});
		assertThat(lines(output, "OpenAI ")).isEmpty();
		runner
			.withPropertyValues("openai.logging.requests=bodies", "openai.logging.max-body-length=30",
					"openai.logging.redacted-headers=X-Secret-Token")
			.run((context) -> {
				this.server.enqueue(completion().addHeader("X-Secret-Token", "token-secret-value").build());
				context.getBean(ChatCompletionsOperations.class).create(hello());
			});
		assertThat(lines(output, LINE_PREFIX + " request: ")).singleElement()
			.satisfies((line) -> assertThat(line).containsPattern("request: .{30}\\.\\.\\. \\(\\d+ characters\\)$"));
		assertThat(lines(output, "response headers: ")).singleElement()
			.satisfies((line) -> assertThat(line).contains("X-Secret-Token=******"));
		assertThat(output.getAll()).doesNotContain(API_KEY).doesNotContain("token-secret-value");
	}

	private static MockResponse eventStream() {
		return new MockResponse.Builder().addHeader("Content-Type", "text/event-stream; charset=utf-8")
			.addHeader("x-request-id", "req_log_stream")
			.chunkedBody(fixture("stream-text.sse"), 97)
			.build();
	}

	private static String fixture(String name) {
		try (InputStream in = RequestLoggingHttpTests.class.getResourceAsStream("/fixtures/" + name)) {
			assertThat(in).as("fixture %s", name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
