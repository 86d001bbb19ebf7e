package io.github.openaistarter.autoconfigure;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.OpenAiRequestCustomizer;
import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;

import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link OpenAiAutoConfiguration}.
 */
class OpenAiAutoConfigurationTests {

	private static final String KEY = "sk-autoconfig-secret-4242";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}]}""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, CodecsAutoConfiguration.class));

	private final JsonMapper json = JsonMapper.builder().build();

	private MockWebServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = new MockWebServer();
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	private String baseUrl() {
		return this.server.url("/v1").toString();
	}

	private RecordedRequest answerOnce(ChatCompletionsOperations chat, ChatCompletionRequest request)
			throws InterruptedException {
		this.server
			.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(COMPLETION).build());
		assertThat(chat.create(request).text()).isEqualTo("hi");
		return this.server.takeRequest(5, TimeUnit.SECONDS);
	}

	private static ChatCompletionRequest hello() {
		return ChatCompletionRequest.of(List.of(ChatMessage.user("hello")));
	}

	@Test
	void registersBlockingAndReactiveOperationsWithAKey() {
		this.runner.withPropertyValues("openai.api-key=" + KEY).run((context) -> {
			assertThat(context).hasSingleBean(ChatCompletionsOperations.class)
				.hasSingleBean(ReactiveChatCompletionsOperations.class)
				.hasSingleBean(OpenAiTransport.class)
				.hasSingleBean(OpenAiConnectionDetails.class);
			assertThat(context.getBean(OpenAiTransport.class).baseUrl()).isEqualTo("https://api.openai.com/v1");
		});
	}

	@Test
	void sendsPropertiesAsHeadersAndChatDefaultsAsUnsetFields() {
		this.runner
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + baseUrl(), "openai.organization=org-7",
					"openai.project=proj-9", "openai.headers.X-Team=search", "openai.chat.model=gpt-4o-mini",
					"openai.chat.temperature=0.3", "openai.chat.max-completion-tokens=200",
					"openai.chat.reasoning-effort=low", "openai.chat.store=true", "openai.chat.metadata.app=demo")
			.run((context) -> {
				ChatCompletionsOperations chat = context.getBean(ChatCompletionsOperations.class);
				RecordedRequest request = answerOnce(chat,
						ChatCompletionRequest.builder().message(ChatMessage.user("hello")).temperature(0.9).build());
				assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-7");
				assertThat(request.getHeaders().get("OpenAI-Project")).isEqualTo("proj-9");
				assertThat(request.getHeaders().get("X-Team")).isEqualTo("search");
				JsonNode body = this.json.readTree(request.getBody().utf8());
				assertThat(body.get("model").asString()).isEqualTo("gpt-4o-mini");
				assertThat(body.get("temperature").asDouble()).isEqualTo(0.9);
				assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(200);
				assertThat(body.get("reasoning_effort").asString()).isEqualTo("low");
				assertThat(body.get("store").asBoolean()).isTrue();
				assertThat(body.get("metadata").get("app").asString()).isEqualTo("demo");
				assertThat(body.has("top_p")).isFalse();
				assertThat(body.has("stream")).isFalse();
			});
	}

	@Test
	void fallsBackToTheEnvironmentVariablesOfTheOfficialSdks() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", baseUrl(), "OPENAI_ORG_ID", "org-env",
								"OPENAI_PROJECT_ID", "proj-env"))))
			.withPropertyValues("openai.chat.model=gpt-4o-mini")
			.run((context) -> {
				OpenAiConnectionDetails details = context.getBean(OpenAiConnectionDetails.class);
				assertThat(details.apiKey()).isEqualTo(KEY);
				assertThat(details.baseUrl()).isEqualTo(baseUrl());
				assertThat(details.organization()).isEqualTo("org-env");
				assertThat(details.project()).isEqualTo("proj-env");
				RecordedRequest request = answerOnce(context.getBean(ChatCompletionsOperations.class), hello());
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-env");
			});
	}

	@Test
	void propertiesWinOverEnvironmentVariables() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment",
						Map.of("OPENAI_API_KEY", "sk-from-env"))))
			.withPropertyValues("openai.api-key=" + KEY)
			.run((context) -> assertThat(context.getBean(OpenAiConnectionDetails.class).apiKey()).isEqualTo(KEY));
	}

	@Test
	void failsAtStartupWithAdviceWhenOpenAiNeedsAKeyAndNoneIsSet() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MissingApiKeyException.class);
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("https://api.openai.com/v1");
			assertThat(analysis.getAction()).contains("openai.api-key").contains("OPENAI_API_KEY");
		});
	}

	@Test
	void failsAtStartupWhenTheKeyIsAnUnresolvedPlaceholder() {
		this.runner.withPropertyValues("openai.api-key=${OPENAI_TEST_KEY_THAT_IS_NOT_SET}").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MissingApiKeyException.class)
				.hasMessageContaining("unresolved ${...} placeholder");
			FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("unresolved").doesNotContain("OPENAI_TEST_KEY");
		});
		this.runner.withPropertyValues("openai.api-key=${NOT_SET_EITHER}", "openai.base-url=" + baseUrl())
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void detectsAzureOpenAiFromTheHostOrTakesTheSetting() {
		this.runner
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=https://acme.openai.azure.com/openai/v1")
			.run((context) -> assertThat(context.getBean(OpenAiTransport.class).isAzure()).isTrue());
		this.runner.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=https://acme.services.ai.azure.com")
			.run((context) -> assertThat(context.getBean(OpenAiTransport.class).isAzure()).isTrue());
		this.runner
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + baseUrl(), "openai.provider=azure",
					"openai.azure.api-version=2024-10-21")
			.run((context) -> assertThat(context.getBean(OpenAiTransport.class).isAzure()).isTrue());
		this.runner.withPropertyValues("openai.api-key=" + KEY)
			.run((context) -> assertThat(context.getBean(OpenAiTransport.class).isAzure()).isFalse());
		this.runner
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=https://acme.openai.azure.com",
					"openai.provider=openai")
			.run((context) -> assertThat(context.getBean(OpenAiTransport.class).isAzure()).isFalse());
	}

	@Test
	void refusesAnAzureApiVersionForAnotherProviderAndAzureWithoutAKey() {
		this.runner.withPropertyValues("openai.api-key=" + KEY, "openai.azure.api-version=2024-10-21")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("openai.azure.api-version is set but the provider is OpenAI"));
		this.runner.withPropertyValues("openai.base-url=https://acme.openai.azure.com/openai/v1")
			.run((context) -> assertThat(context).getFailure().rootCause().isInstanceOf(MissingApiKeyException.class));
	}

	@Test
	void runsWithoutAKeyAgainstACustomBaseUrl() {
		this.runner.withPropertyValues("openai.base-url=" + baseUrl(), "openai.chat.model=local-model")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				RecordedRequest request = answerOnce(context.getBean(ChatCompletionsOperations.class), hello());
				assertThat(request.getHeaders().get("Authorization")).isNull();
			});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("openai.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ChatCompletionsOperations.class)
				.doesNotHaveBean(ReactiveChatCompletionsOperations.class)
				.doesNotHaveBean(OpenAiTransport.class));
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues("openai.api-key=" + KEY)
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatCompletionsOperations.class)
					.hasSingleBean(ReactiveChatCompletionsOperations.class);
				assertThat(context.getBean(ChatCompletionsOperations.class)).isSameAs(UserBeans.BLOCKING);
				assertThat(context.getBean(ReactiveChatCompletionsOperations.class)).isSameAs(UserBeans.REACTIVE);
			});
	}

	@Test
	void userConnectionDetailsReplaceProperties() {
		this.runner.withPropertyValues("openai.api-key=sk-property", "openai.chat.model=gpt-4o-mini")
			.withBean(OpenAiConnectionDetails.class, () -> new OpenAiConnectionDetails() {

				@Override
				public String baseUrl() {
					return OpenAiAutoConfigurationTests.this.baseUrl();
				}

				@Override
				public String apiKey() {
					return KEY;
				}

			})
			.run((context) -> {
				RecordedRequest request = answerOnce(context.getBean(ChatCompletionsOperations.class), hello());
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
			});
	}

	@Test
	void requestCustomizerBeansAddHeadersWithoutLeakingIntoTheApplicationsWebClients() {
		this.runner
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + baseUrl(),
					"openai.chat.model=gpt-4o-mini")
			.withBean(WebClientCustomizer.class,
					() -> (builder) -> builder.filter((request, next) -> next
						.exchange(ClientRequest.from(request).header("X-App-Wide", "yes").build())))
			.withBean(OpenAiRequestCustomizer.class,
					() -> (call, headers) -> headers.set("X-OpenAI-Only", call.operation()))
			.run((context) -> {
				RecordedRequest request = answerOnce(context.getBean(ChatCompletionsOperations.class), hello());
				assertThat(request.getHeaders().get("X-OpenAI-Only")).isEqualTo("chat.completions.create");
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				// OpenAI calls do not go through the application's WebClient (nor its
				// customizers)
				assertThat(request.getHeaders().get("X-App-Wide")).isNull();
				this.server.enqueue(new MockResponse.Builder().body("plain").build());
				String other = context.getBean(WebClient.Builder.class)
					.build()
					.get()
					.uri(this.server.url("/other").uri())
					.retrieve()
					.bodyToMono(String.class)
					.block();
				assertThat(other).isEqualTo("plain");
				RecordedRequest otherRequest = this.server.takeRequest(5, TimeUnit.SECONDS);
				assertThat(otherRequest.getHeaders().get("Authorization")).isNull();
				assertThat(otherRequest.getHeaders().get("X-OpenAI-Only")).isNull();
				assertThat(otherRequest.getHeaders().get("X-App-Wide")).isEqualTo("yes");
			});
	}

	@Test
	void sendsStraightThroughTheConnector() {
		this.runner
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + baseUrl(), "openai.organization=org-7",
					"openai.chat.model=gpt-4o-mini", "openai.transport=connector")
			.run((context) -> {
				assertThat(context.getBean(OpenAiTransport.class).toString()).contains("connector");
				RecordedRequest request = answerOnce(context.getBean(ChatCompletionsOperations.class), hello());
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
				assertThat(request.getHeaders().get("OpenAI-Organization")).isEqualTo("org-7");
				assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
				assertThat(this.json.readTree(request.getBody().utf8()).get("model").asString())
					.isEqualTo("gpt-4o-mini");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "openai.transport", "openai.clients.local.transport" })
	void theRemovedWebClientTransportFailsStartupNamingWhatReplacesIt(String property) {
		this.runner
			.withPropertyValues("openai.api-key=" + KEY, "openai.clients.local.base-url=http://localhost:1/v1",
					property + "=web-client")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining(property + "=web-client is no longer supported")
				.hasMessageContaining("OpenAiRequestCustomizer"));
	}

	@Test
	void theApplicationsJacksonSettingsDoNotChangeTheWireFormat() {
		this.runner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + baseUrl(),
					"openai.chat.model=gpt-4o-mini", "spring.jackson.property-naming-strategy=UPPER_CAMEL_CASE",
					"spring.jackson.default-property-inclusion=always")
			.run((context) -> {
				RecordedRequest request = answerOnce(context.getBean(ChatCompletionsOperations.class),
						ChatCompletionRequest.builder()
							.message(ChatMessage.user("hello"))
							.maxCompletionTokens(5)
							.build());
				JsonNode body = this.json.readTree(request.getBody().utf8());
				assertThat(body.propertyNames()).containsExactly("model", "messages", "max_completion_tokens");
				assertThat(body.get("messages").get(0).propertyNames()).containsExactlyInAnyOrder("role", "content");
			});
	}

	@Test
	void neverShowsTheKeyInToString() {
		this.runner.withPropertyValues("openai.api-key=" + KEY).run((context) -> {
			assertThat(context.getBean(OpenAiProperties.class).toString()).doesNotContain(KEY);
			assertThat(context.getBean(OpenAiConnectionDetails.class).toString()).doesNotContain(KEY);
			assertThat(context.getBean(OpenAiTransport.class).toString()).doesNotContain(KEY);
		});
	}

	@Test
	void bindsTimeouts() {
		this.runner
			.withPropertyValues("openai.api-key=" + KEY, "openai.connect-timeout=3s", "openai.response-timeout=45s",
					"openai.stream-idle-timeout=20s")
			.run((context) -> {
				OpenAiProperties properties = context.getBean(OpenAiProperties.class);
				assertThat(properties.getConnectTimeout()).hasSeconds(3);
				assertThat(properties.getResponseTimeout()).hasSeconds(45);
				assertThat(properties.getStreamIdleTimeout()).hasSeconds(20);
			});
	}

	@Test
	void everyPropertyHasADescriptionInTheGeneratedMetadata() throws IOException {
		try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).isNotNull();
			JsonNode properties = this.json.readTree(in).get("properties");
			assertThat(properties.size()).isGreaterThan(20);
			for (JsonNode property : properties) {
				assertThat(property.path("description").asString()).as(property.get("name").asString()).isNotBlank();
			}
			assertThat(properties.valueStream().map((p) -> p.get("name").asString())).contains("openai.api-key",
					"openai.base-url", "openai.chat.model", "openai.response-timeout");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final ChatCompletionsOperations BLOCKING = mock(ChatCompletionsOperations.class);

		static final ReactiveChatCompletionsOperations REACTIVE = mock(ReactiveChatCompletionsOperations.class);

		@Bean
		ChatCompletionsOperations myChat() {
			return BLOCKING;
		}

		@Bean
		ReactiveChatCompletionsOperations myReactiveChat() {
			return REACTIVE;
		}

	}

}
