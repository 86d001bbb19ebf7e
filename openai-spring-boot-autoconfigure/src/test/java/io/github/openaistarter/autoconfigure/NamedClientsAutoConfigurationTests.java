package io.github.openaistarter.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.client.OpenAiClients;
import io.github.openaistarter.core.LoggingCallObserver;
import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.beans.factory.annotation.BeanFactoryAnnotationUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * Tests for named clients ({@code openai.clients.<name>.*}) in
 * {@link OpenAiAutoConfiguration}: their beans and qualifiers, what they inherit from
 * {@code openai.*}, {@link OpenAiClients}, and what an application's own bean of an
 * operations type replaces.
 */
class NamedClientsAutoConfigurationTests {

	private static final String KEY = "sk-named-clients-secret-1357";

	private static final String LOCAL_KEY = "sk-local-secret-2468";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}]}""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, CodecsAutoConfiguration.class));

	private final JsonMapper json = JsonMapper.builder().build();

	private MockWebServer openAi;

	private MockWebServer local;

	@BeforeEach
	void startServers() throws IOException {
		this.openAi = new MockWebServer();
		this.openAi.start();
		this.local = new MockWebServer();
		this.local.start();
	}

	@AfterEach
	void stopServers() {
		this.openAi.close();
		this.local.close();
	}

	private ApplicationContextRunner twoClients() {
		return this.runner.withPropertyValues("openai.api-key=" + KEY, "openai.base-url=" + this.openAi.url("/v1"),
				"openai.chat.model=gpt-4.1-mini", "openai.headers.X-Team=search",
				"openai.clients.local.base-url=" + this.local.url("/v1"), "openai.clients.local.api-key=" + LOCAL_KEY,
				"openai.clients.local.chat.model=llama3.2", "openai.clients.local.headers.X-Route=gpu",
				"openai.clients.batch.chat.model=gpt-4.1-nano");
	}

	@Test
	void eachNamedClientHasOperationsBeansQualifiedByItsNameBesideThePrimaryDefault() {
		twoClients().run((context) -> {
			assertThat(context).hasBean("localChatCompletionsOperations")
				.hasBean("localReactiveChatCompletionsOperations")
				.hasBean("batchChatCompletionsOperations")
				.hasBean("batchReactiveChatCompletionsOperations");
			ChatCompletionsOperations local = BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
					ChatCompletionsOperations.class, "local");
			assertThat(local).isSameAs(context.getBean("localChatCompletionsOperations"));
			assertThat(context.getBean(ChatCompletionsOperations.class))
				.isSameAs(context.getBean("chatCompletionsOperations"));
			assertThat(context.getBean(ReactiveChatCompletionsOperations.class))
				.isSameAs(context.getBean("reactiveChatCompletionsOperations"));
			assertThat(context.getBean(OpenAiClients.class).names()).containsExactly("default", "local", "batch");
		});
	}

	@Test
	void callsGoToEachClientsServerWithItsKeyAndDefaultsAndTheInheritedHeaders() {
		twoClients().withUserConfiguration(InjectsBoth.class).run((context) -> {
			InjectsBoth service = context.getBean(InjectsBoth.class);
			RecordedRequest toOpenAi = answerOnce(this.openAi, service.chat);
			RecordedRequest toLocal = answerOnce(this.local, service.local);
			assertThat(toOpenAi.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
			assertThat(model(toOpenAi)).isEqualTo("gpt-4.1-mini");
			assertThat(toOpenAi.getHeaders().get("X-Route")).isNull();
			assertThat(toLocal.getHeaders().get("Authorization")).isEqualTo("Bearer " + LOCAL_KEY);
			assertThat(model(toLocal)).isEqualTo("llama3.2");
			assertThat(toLocal.getHeaders().get("X-Team")).isEqualTo("search");
			assertThat(toLocal.getHeaders().get("X-Route")).isEqualTo("gpu");
		});
	}

	@Test
	void aNamedClientLeavingTheBaseUrlAndKeyUnsetInheritsThem() {
		twoClients().run((context) -> {
			ChatCompletionsOperations batch = context.getBean(OpenAiClients.class).chat("batch");
			RecordedRequest request = answerOnce(this.openAi, batch);
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
			assertThat(model(request)).isEqualTo("gpt-4.1-nano");
		});
	}

	@Test
	void anEmptyKeyDropsTheInheritedOneAndTheEnvironmentVariable() {
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addLast(new SystemEnvironmentPropertySource("systemEnvironment", Map.of("OPENAI_API_KEY", KEY))))
			.withPropertyValues("openai.base-url=" + this.openAi.url("/v1"),
					"openai.clients.local.base-url=" + this.local.url("/v1"), "openai.clients.local.api-key=",
					"openai.clients.local.chat.model=llama3.2", "openai.chat.model=m")
			.run((context) -> {
				RecordedRequest toLocal = answerOnce(this.local, context.getBean(OpenAiClients.class).chat("local"));
				assertThat(toLocal.getHeaders().get("Authorization")).isNull();
				RecordedRequest toOpenAi = answerOnce(this.openAi, context.getBean(ChatCompletionsOperations.class));
				assertThat(toOpenAi.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
			});
	}

	@Test
	void everySettingGroupIsInheritedUnlessTheNamedClientSetsIt() {
		MockEnvironment environment = new MockEnvironment();
		TestPropertyValues
			.of("openai.api-key=" + KEY, "openai.organization=org-1", "openai.project=proj-1",
					"openai.connect-timeout=3s", "openai.response-timeout=40s", "openai.stream-idle-timeout=7s",
					"openai.compression=false", "openai.provider=azure", "openai.azure.api-version=2024-10-21",
					"openai.pool.max-connections=11", "openai.proxy.host=proxy.example", "openai.proxy.port=3128",
					"openai.ssl.bundle=corp", "openai.retry.max-retries=5", "openai.chat.temperature=0.2",
					"openai.logging.requests=metadata", "openai.headers.X-A=1", "openai.clients.x.headers.X-B=2",
					"openai.clients.x.retry.max-retries=1", "openai.clients.x.pool.max-connections=3",
					"openai.clients.x.proxy.host=", "openai.clients.x.chat.model=m")
			.applyTo(environment);
		OpenAiProperties x = NamedClients.properties(environment, "x");
		assertThat(x.getApiKey()).isEqualTo(KEY);
		assertThat(x.getOrganization()).isEqualTo("org-1");
		assertThat(x.getProject()).isEqualTo("proj-1");
		assertThat(x.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(x.getResponseTimeout()).isEqualTo(Duration.ofSeconds(40));
		assertThat(x.getStreamIdleTimeout()).isEqualTo(Duration.ofSeconds(7));
		assertThat(x.isCompression()).isFalse();
		assertThat(x.getProvider()).isEqualTo(OpenAiProperties.Provider.AZURE);
		assertThat(x.getAzure().getApiVersion()).isEqualTo("2024-10-21");
		assertThat(x.getSsl().getBundle()).isEqualTo("corp");
		assertThat(x.getLogging().getRequests()).isEqualTo(LoggingCallObserver.Detail.METADATA);
		assertThat(x.getChat().getTemperature()).isEqualTo(0.2);
		// what the named client sets wins; maps merge
		assertThat(x.getRetry().getMaxRetries()).isEqualTo(1);
		assertThat(x.getPool().getMaxConnections()).isEqualTo(3);
		assertThat(x.getProxy().getHost()).isEmpty();
		assertThat(x.getChat().getModel()).isEqualTo("m");
		assertThat(x.getHeaders()).containsEntry("X-A", "1").containsEntry("X-B", "2");
		assertThat(x.getClients()).isEmpty();
		// and the top-level settings are left as they were
		OpenAiProperties top = Binder.get(environment).bind("openai", OpenAiProperties.class).get();
		assertThat(top.getRetry().getMaxRetries()).isEqualTo(5);
		assertThat(top.getHeaders()).containsOnlyKeys("X-A");
	}

	@Test
	void aNamedClientIsBuiltFromItsMergedSettings() {
		twoClients()
			.withPropertyValues("openai.retry.max-retries=4", "openai.clients.local.retry.max-retries=0",
					"openai.clients.local.provider=azure")
			.run((context) -> {
				OpenAiTransport local = context.getBean(OpenAiClients.class).get("local").transport();
				assertThat(local.baseUrl()).isEqualTo(this.local.url("/v1").toString().replaceAll("/$", ""));
				assertThat(local.isAzure()).isTrue();
				assertThat(local.retryPolicy().maxRetries()).isZero();
				assertThat(local.endpoint().clientName()).isEqualTo("local");
				OpenAiTransport batch = context.getBean(OpenAiClients.class).get("batch").transport();
				assertThat(batch.retryPolicy().maxRetries()).isEqualTo(4);
				assertThat(batch.isAzure()).isFalse();
				assertThat(context.getBean(OpenAiTransport.class).endpoint().clientName()).isEqualTo("default");
			});
	}

	@Test
	void openAiClientsNamesTheClientsThereAreWhenAskedForAnother() {
		twoClients().run((context) -> assertThatIllegalArgumentException()
			.isThrownBy(() -> context.getBean(OpenAiClients.class).get("ollama"))
			.withMessage("No OpenAI client is named 'ollama'; the clients are [default, local, batch]"));
	}

	@Test
	void aNamedClientWithoutAKeyForOpenAiFailsStartupNamingItsProperty() {
		this.runner
			.withPropertyValues("openai.base-url=" + this.local.url("/v1"),
					"openai.clients.cloud.base-url=https://api.openai.com/v1")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MissingApiKeyException.class)
					.satisfies((ex) -> assertThat(((MissingApiKeyException) ex).propertyPrefix())
						.isEqualTo("openai.clients.cloud"));
				assertThat(new MissingApiKeyFailureAnalyzer().analyze(context.getStartupFailure()).getAction())
					.contains("'openai.clients.cloud.api-key'");
			});
	}

	@Test
	void theDefaultClientsNameCannotNameAnother() {
		this.runner.withPropertyValues("openai.api-key=" + KEY, "openai.clients.default.chat.model=m")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasMessageContaining("'openai.clients.default' cannot name a client"));
	}

	@Test
	void withoutNamedClientsThereIsOnlyTheDefault() {
		this.runner.withPropertyValues("openai.api-key=" + KEY).run((context) -> {
			assertThat(context).hasSingleBean(ChatCompletionsOperations.class);
			assertThat(context.getBean(OpenAiClients.class).names()).containsExactly("default");
			assertThat(context.getBean(OpenAiClients.class).chat("default"))
				.isSameAs(context.getBean(ChatCompletionsOperations.class));
		});
	}

	@Test
	void aQualifiedBeanOfTheApplicationLeavesTheDefaultInPlaceAndPrimary() {
		this.runner.withPropertyValues("openai.api-key=" + KEY)
			.withUserConfiguration(QualifiedUserClient.class)
			.run((context) -> {
				assertThat(context.getBeansOfType(ChatCompletionsOperations.class)).hasSize(2);
				assertThat(context.getBean(ChatCompletionsOperations.class))
					.isSameAs(context.getBean("chatCompletionsOperations"));
				assertThat(BeanFactoryAnnotationUtils.qualifiedBeanOfType(context.getBeanFactory(),
						ChatCompletionsOperations.class, "mine"))
					.isSameAs(context.getBean("myChat"));
			});
	}

	@Test
	void aBeanThatIsNoDefaultCandidateLeavesTheDefaultInPlace() {
		this.runner.withPropertyValues("openai.api-key=" + KEY)
			.withUserConfiguration(NonDefaultUserClient.class)
			.run((context) -> assertThat(context.getBean(ChatCompletionsOperations.class))
				.isSameAs(context.getBean("chatCompletionsOperations")));
	}

	@Test
	void anUnqualifiedBeanOfTheApplicationReplacesTheDefaultOfItsTypeOnly() {
		this.runner.withPropertyValues("openai.api-key=" + KEY)
			.withUserConfiguration(UnqualifiedUserClient.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ChatCompletionsOperations.class)
					.doesNotHaveBean("chatCompletionsOperations")
					.hasBean("reactiveChatCompletionsOperations")
					.hasSingleBean(OpenAiTransport.class);
				assertThat(context.getBean(ChatCompletionsOperations.class)).isSameAs(context.getBean("myChat"));
				assertThat(context.getBean(OpenAiClients.class).chat("default")).isSameAs(context.getBean("myChat"));
			});
	}

	@Test
	void aPrimaryQualifiedBeanOfTheApplicationReplacesTheDefault() {
		this.runner.withPropertyValues("openai.api-key=" + KEY)
			.withUserConfiguration(PrimaryUserClient.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean("chatCompletionsOperations");
				assertThat(context.getBean(ChatCompletionsOperations.class)).isSameAs(context.getBean("myChat"));
			});
	}

	private RecordedRequest answerOnce(MockWebServer server, ChatCompletionsOperations chat)
			throws InterruptedException {
		server
			.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(COMPLETION).build());
		assertThat(chat.create(ChatCompletionRequest.of(List.of(ChatMessage.user("hello")))).text()).isEqualTo("hi");
		return server.takeRequest(5, TimeUnit.SECONDS);
	}

	private String model(RecordedRequest request) {
		JsonNode body = this.json.readTree(request.getBody().utf8());
		return body.get("model").asString();
	}

	static class InjectsBoth {

		final ChatCompletionsOperations chat;

		final ChatCompletionsOperations local;

		InjectsBoth(ChatCompletionsOperations chat, @Qualifier("local") ChatCompletionsOperations local) {
			this.chat = chat;
			this.local = local;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedUserClient {

		@Bean
		@Qualifier("mine")
		ChatCompletionsOperations myChat() {
			return mock(ChatCompletionsOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NonDefaultUserClient {

		@Bean(defaultCandidate = false)
		ChatCompletionsOperations myChat() {
			return mock(ChatCompletionsOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnqualifiedUserClient {

		@Bean
		ChatCompletionsOperations myChat() {
			return mock(ChatCompletionsOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimaryUserClient {

		@Bean
		@Primary
		@Qualifier("mine")
		ChatCompletionsOperations myChat() {
			return mock(ChatCompletionsOperations.class);
		}

	}

}
