package io.github.openaistarter.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.core.AuthenticationException;
import io.github.openaistarter.core.OpenAiException;
import io.github.openaistarter.core.RedactingWiretap;
import io.github.openaistarter.core.RequestOptions;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The API key and the proxy password never show: not in any log line with every logger at
 * TRACE, the wiretap on and Spring's request-details logging asked for, not in exception
 * messages, not in any bean's {@code toString()}.
 */
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTests {

	private static final String SECRET = "S3cr3tKeyValue9f8e7d";

	private static final String KEY = "sk-proj-" + SECRET;

	private static final String PROXY_PASSWORD = "pr0xyPa55word";

	private static final String COMPLETION_ID = "chatcmpl-abc123";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, HttpClientAutoConfiguration.class,
				CodecsAutoConfiguration.class))
		.withPropertyValues("openai.api-key=" + KEY, "openai.logging.wiretap=true",
				"spring.http.codecs.log-request-details=true", "openai.retry.initial-backoff=10ms",
				"openai.retry.max-backoff=20ms", "openai.chat.model=gpt-4o-mini");

	private final MockWebServer server = new MockWebServer();

	@BeforeEach
	void startServer() throws IOException {
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void fullLifecycleWithEverythingAtTraceNeverShowsTheKey(CapturedOutput output) {
		enqueueJson(200, fixture("stored-completion.json"));
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
			.body(fixture("stream-text.sse"))
			.build());
		enqueueJson(200, fixture("stored-completion.json"));
		enqueueJson(200, fixture("stored-completion-updated.json"));
		enqueueJson(200, fixture("completion-list.json"));
		enqueueJson(200, fixture("message-list.json"));
		enqueueJson(200, fixture("completion-deleted.json"));
		// OpenAI's 401 quotes the key it was given
		enqueueJson(401,
				"{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ". You can find your API"
						+ " key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\","
						+ "\"param\":null,\"code\":\"invalid_api_key\"}}");
		this.server.enqueue(new MockResponse.Builder().code(429)
			.addHeader("Content-Type", "application/json")
			.addHeader("retry-after-ms", "20")
			.body("{\"error\":{\"message\":\"Rate limit reached for " + KEY + "\",\"type\":\"requests\"}}")
			.build());
		enqueueJson(200, fixture("stored-completion.json"));
		List<Throwable> failures = new ArrayList<>();

		try (LogLevels levels = LogLevels.everythingAtTrace()) {
			this.runner.withPropertyValues("openai.base-url=" + this.server.url("/v1")).run((context) -> {
				ChatCompletionsOperations chat = context.getBean(ChatCompletionsOperations.class);
				ChatCompletionRequest stored = ChatCompletionRequest.builder()
					.message(ChatMessage.user("Keep this"))
					.store(true)
					.metadata(Map.of("topic", "secrets"))
					.build();
				assertThat(chat.create(stored).id()).isEqualTo(COMPLETION_ID);
				assertThat(chat.stream(ChatCompletionRequest.of(List.of(ChatMessage.user("Stream it"))), (chunk) -> {
				}).text()).isEqualTo("Hello world");
				assertThat(chat.retrieve(COMPLETION_ID).id()).isEqualTo(COMPLETION_ID);
				assertThat(chat.update(COMPLETION_ID, Map.of("topic", "updated")).id()).isEqualTo(COMPLETION_ID);
				assertThat(chat.list(ListChatCompletionsParams.builder().metadata("topic", "updated").build()).data())
					.isNotEmpty();
				assertThat(chat.listMessages(COMPLETION_ID, ListMessagesParams.builder().build()).data()).isNotEmpty();
				assertThat(chat.delete(COMPLETION_ID).deleted()).isTrue();
				assertThatExceptionOfType(AuthenticationException.class).isThrownBy(
						() -> chat.withOptions(RequestOptions.builder().maxRetries(0).build()).retrieve(COMPLETION_ID))
					.satisfies(failures::add);
				ChatCompletion afterRateLimit = context.getBean(ReactiveChatCompletionsOperations.class)
					.retrieve(COMPLETION_ID)
					.block();
				assertThat(afterRateLimit.id()).isEqualTo(COMPLETION_ID);
				assertThat(this.server.getRequestCount()).isEqualTo(10);
				this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
					.as("the key did travel on the wire")
					.isEqualTo("Bearer " + KEY);
				assertNoSecretInBeans(context);
			});
		}

		assertThat(failures).singleElement().satisfies((failure) -> {
			assertThat(failure.getMessage()).contains("Incorrect API key provided: sk-***");
			assertNoSecretIn(failure.getMessage());
			assertNoSecretIn(failure.toString());
		});
		// the test can fail: the wiretap did log the exchange, credentials masked
		assertThat(output).containsIgnoringCase("authorization: ******")
			.contains("GET /v1/chat/completions/" + COMPLETION_ID + "/messages")
			.contains("Incorrect API key provided: sk-***")
			.contains(RedactingWiretap.LOGGER);
		assertNoSecretIn(output.toString());
	}

	@Test
	void proxyPasswordNeverShows(CapturedOutput output) throws Exception {
		try (MockWebServer proxy = new MockWebServer(); LogLevels levels = LogLevels.everythingAtTrace()) {
			proxy.start();
			proxy.enqueue(new MockResponse.Builder().inTunnel().build());
			proxy.enqueue(new MockResponse.Builder().code(401)
				.addHeader("Content-Type", "application/json")
				.body("{\"error\":{\"message\":\"bad key\",\"type\":\"invalid_request_error\"}}")
				.build());
			this.runner
				.withPropertyValues("openai.base-url=http://openai.internal.example/v1",
						"openai.proxy.host=" + proxy.getHostName(), "openai.proxy.port=" + proxy.getPort(),
						"openai.proxy.username=alice", "openai.proxy.password=" + PROXY_PASSWORD)
				.run((context) -> {
					assertThatExceptionOfType(OpenAiException.class)
						.isThrownBy(() -> context.getBean(ChatCompletionsOperations.class)
							.create(ChatCompletionRequest.of(List.of(ChatMessage.user("hello")))))
						.satisfies((ex) -> assertNoSecretIn(ex.toString()));
					assertThat(proxy.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Proxy-Authorization"))
						.as("the password did travel to the proxy")
						.isNotNull();
					assertNoSecretInBeans(context);
				});
		}
		assertThat(output).containsIgnoringCase("proxy-authorization: ******");
		assertNoSecretIn(output.toString());
	}

	private static void assertNoSecretInBeans(ApplicationContext context) {
		for (String name : context.getBeanDefinitionNames()) {
			Object bean = context.getBean(name);
			assertThat(String.valueOf(bean)).as("toString() of bean %s", name)
				.doesNotContain(SECRET)
				.doesNotContain(PROXY_PASSWORD);
			if (bean instanceof OpenAiProperties properties) {
				for (Object part : List.of(properties.getRetry(), properties.getPool(), properties.getProxy(),
						properties.getSsl(), properties.getLogging(), properties.getChat())) {
					assertThat(String.valueOf(part)).as("toString() of %s", part.getClass().getSimpleName())
						.doesNotContain(SECRET)
						.doesNotContain(PROXY_PASSWORD);
				}
			}
		}
	}

	private static void assertNoSecretIn(String text) {
		assertThat(text).doesNotContain(SECRET)
			.doesNotContain(PROXY_PASSWORD)
			.doesNotContain(base64("alice:" + PROXY_PASSWORD));
	}

	private static String base64(String text) {
		return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private void enqueueJson(int status, String body) {
		this.server.enqueue(new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req_secret_" + this.server.getRequestCount())
			.body(body)
			.build());
	}

	private static String fixture(String name) {
		try (InputStream in = SecretsNeverLoggedTests.class.getResourceAsStream("/fixtures/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
