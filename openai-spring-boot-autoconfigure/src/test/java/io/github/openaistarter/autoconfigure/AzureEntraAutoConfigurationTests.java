package io.github.openaistarter.autoconfigure;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.AccessTokenSupplier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Microsoft Entra ID tokens for Azure OpenAI: an application's
 * {@link AccessTokenSupplier}, and {@code openai.azure.entra.*} with Azure's credentials.
 */
class AzureEntraAutoConfigurationTests {

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}]}""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, CodecsAutoConfiguration.class));

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

	@Test
	void anApplicationsTokenSupplierAuthenticatesTheDefaultClientWithoutAKey() {
		this.runner
			.withPropertyValues("openai.base-url=" + this.server.url("/openai/v1"), "openai.provider=azure",
					"openai.chat.model=gpt-4.1-mini")
			.withBean(AccessTokenSupplier.class, () -> () -> Mono.just("app-token"))
			.run((context) -> {
				RecordedRequest request = answerOnce(context.getBean(ChatCompletionsOperations.class));
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer app-token");
				assertThat(request.getHeaders().get("api-key")).isNull();
			});
	}

	@Test
	void entraNeedsAzureIdentityOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader("com.azure.identity"))
			.withPropertyValues("openai.base-url=https://contoso.openai.azure.com/openai/v1",
					"openai.azure.entra.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage("openai.azure.entra.enabled is on but com.azure:azure-identity is not on the classpath:"
						+ " add it, or declare an AccessTokenSupplier bean of your own"));
	}

	@Test
	void entraIsForAzureOpenAi() {
		this.runner.withPropertyValues("openai.api-key=sk-x", "openai.azure.entra.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("openai.azure.entra.enabled is on but the provider is OpenAI"));
	}

	@Test
	void azureTokensAreAskedForTheScopeAndReusedUntilTheyNearExpiry() {
		AtomicInteger asked = new AtomicInteger();
		List<List<String>> scopes = new java.util.ArrayList<>();
		TokenCredential credential = (request) -> {
			scopes.add(request.getScopes());
			return Mono.just(new AccessToken("entra-" + asked.incrementAndGet(), OffsetDateTime.now().plusHours(1)));
		};
		AzureEntraTokens tokens = new AzureEntraTokens(credential, "https://cognitiveservices.azure.com/.default");
		assertThat(tokens.accessToken().block()).isEqualTo("entra-1");
		assertThat(tokens.accessToken().block()).isEqualTo("entra-1");
		assertThat(asked).hasValue(1);
		assertThat(scopes).containsExactly(List.of("https://cognitiveservices.azure.com/.default"));
		assertThat(tokens.toString()).doesNotContain("entra-1");
	}

	@Test
	void anExpiredAzureTokenIsRenewed() {
		AtomicInteger asked = new AtomicInteger();
		TokenCredential credential = (request) -> Mono
			.just(new AccessToken("entra-" + asked.incrementAndGet(), OffsetDateTime.now().minusSeconds(1)));
		AzureEntraTokens tokens = new AzureEntraTokens(credential, "scope/.default");
		tokens.accessToken().block();
		assertThat(tokens.accessToken().block()).isEqualTo("entra-2");
	}

	private RecordedRequest answerOnce(ChatCompletionsOperations chat) throws InterruptedException {
		this.server
			.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(COMPLETION).build());
		assertThat(chat.create(ChatCompletionRequest.of(List.of(ChatMessage.user("hello")))).text()).isEqualTo("hi");
		return this.server.takeRequest(5, TimeUnit.SECONDS);
	}

}
