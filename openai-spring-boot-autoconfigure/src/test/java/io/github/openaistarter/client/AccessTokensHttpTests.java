package io.github.openaistarter.client;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.AccessTokenSupplier;
import io.github.openaistarter.core.OpenAiCredentialsException;
import io.github.openaistarter.core.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A client authenticated by bearer tokens ({@link AccessTokenSupplier}) instead of a key,
 * over HTTP.
 */
@Timeout(60)
class AccessTokensHttpTests {

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}]}""";

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4.1-mini",
			List.of(ChatMessage.user("hello")));

	private final MockWebServer server = new MockWebServer();

	private final AtomicInteger tokensAsked = new AtomicInteger();

	@BeforeEach
	void start() throws Exception {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private AccessTokenSupplier numberedTokens() {
		return () -> Mono.fromSupplier(() -> "entra-token-" + this.tokensAsked.incrementAndGet());
	}

	@Test
	void eachAttemptAsksForATokenAndSendsItAsABearerTokenEvenOnAzure() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(503).build());
		this.server.enqueue(completion());
		try (OpenAiClient client = OpenAiClient.builder()
			.baseUrl(this.server.url("/openai/v1").toString())
			.azure(null)
			.accessTokens(numberedTokens())
			.retryPolicy(new RetryPolicy(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1),
					java.time.Duration.ofSeconds(1)))
			.build()) {
			assertThat(client.chat().create(HELLO).text()).isEqualTo("hi");
		}
		RecordedRequest first = this.server.takeRequest(5, TimeUnit.SECONDS);
		RecordedRequest retried = this.server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer entra-token-1");
		assertThat(retried.getHeaders().get("Authorization")).isEqualTo("Bearer entra-token-2");
		assertThat(retried.getHeaders().get("api-key")).isNull();
	}

	@Test
	void aStreamIsAuthenticatedTheSameWay() throws Exception {
		this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/event-stream")
			.body("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
					+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}\n\n"
					+ "data: [DONE]\n\n")
			.build());
		try (OpenAiClient client = OpenAiClient.builder()
			.baseUrl(this.server.url("/v1").toString())
			.accessTokens(numberedTokens())
			.build()) {
			assertThat(client.reactiveChat().stream(HELLO).collectList().block()).hasSize(1);
		}
		assertThat(this.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
			.isEqualTo("Bearer entra-token-1");
	}

	@Test
	void aSupplierThatFailsFailsTheCallBeforeAnythingIsSent() {
		try (OpenAiClient client = OpenAiClient.builder()
			.baseUrl(this.server.url("/v1").toString())
			.accessTokens(() -> Mono.error(new IllegalStateException("no managed identity on this host")))
			.build()) {
			assertThatExceptionOfType(OpenAiCredentialsException.class).isThrownBy(() -> client.chat().create(HELLO))
				.withMessage("Could not get an access token for POST /chat/completions: no managed identity on this"
						+ " host");
		}
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aKeyAndATokenSupplierTogetherAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> OpenAiClient.builder().apiKey("sk-both-1234").accessTokens(numberedTokens()).build())
			.withMessage("Set an API key or an access token supplier, not both");
	}

	private static MockResponse completion() {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(COMPLETION).build();
	}

}
