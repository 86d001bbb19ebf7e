package io.github.openaistarter.ratelimit;

import java.io.IOException;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.github.openaistarter.autoconfigure.OpenAiAutoConfiguration;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.client.OpenAiClients;
import io.github.openaistarter.core.OpenAiTransport;
import io.github.openaistarter.health.OpenAiHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code openai.rate-limit.*}: the limiter each client gets, local or shared through
 * Boot's Redis connection (a real {@code redis-server}), its meters and its health
 * detail.
 */
@Timeout(60)
class RateLimitAutoConfigurationTests {

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}],
			 "usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}""";

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(OpenAiAutoConfiguration.class, WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				HttpClientAutoConfiguration.class, CodecsAutoConfiguration.class));

	private final MockWebServer server = new MockWebServer();

	@BeforeEach
	void start() throws IOException {
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private ApplicationContextRunner withServer() {
		return this.runner.withPropertyValues("openai.api-key=sk-rate-limit-test",
				"openai.base-url=" + this.server.url("/v1"), "openai.chat.model=gpt-4o-mini");
	}

	@Test
	void offByDefault() {
		withServer().run((context) -> assertThat(context.getBean(OpenAiTransport.class).rateLimiter()).isNull());
	}

	@Test
	void localBudgetsFromThePropertiesForEveryClientAndMeters() {
		withServer()
			.withPropertyValues("openai.rate-limit.enabled=true", "openai.rate-limit.requests-per-minute=1",
					"openai.rate-limit.max-wait=0s", "openai.rate-limit.models.[gpt-4.1].tokens-per-minute=9000",
					"openai.clients.batch.chat.model=gpt-4.1")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				LocalRateLimiter limiter = (LocalRateLimiter) context.getBean(OpenAiTransport.class).rateLimiter();
				assertThat(limiter.limit("gpt-4o-mini", Budget.REQUESTS)).isOne();
				assertThat(limiter.limit("gpt-4.1", Budget.TOKENS)).isEqualTo(9000);
				assertThat(limiter.limit("gpt-4.1", Budget.REQUESTS)).isNull();
				assertThat(context.getBean(OpenAiClients.class).get("batch").transport().rateLimiter())
					.isInstanceOf(LocalRateLimiter.class)
					.isNotSameAs(limiter);
				ChatCompletionsOperations chat = context.getBean(ChatCompletionsOperations.class);
				this.server.enqueue(completion());
				assertThat(chat.create(List.of(ChatMessage.user("hi"))).text()).isEqualTo("hi");
				org.assertj.core.api.Assertions.assertThatExceptionOfType(RateLimitBudgetException.class)
					.isThrownBy(() -> chat.create(List.of(ChatMessage.user("hi"))));
				assertThat(this.server.getRequestCount()).isOne();
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("openai.client.rate_limit.wait")
					.tags("openai.client.name", "default", "gen_ai.request.model", "gpt-4o-mini")
					.timer()
					.count()).isOne();
				assertThat(meters.get("openai.client.rate_limit.refusals").tag("budget", "requests").counter().count())
					.isOne();
				assertThat(meters.get("openai.client.rate_limit.remaining")
					.tags("budget", "requests", "gen_ai.request.model", "gpt-4o-mini")
					.gauge()
					.value()).isLessThan(1.0);
				assertThat(meters.get("openai.client.rate_limit.remaining")
					.tags("budget", "requests", "gen_ai.request.model", "gpt-4.1")
					.gauge()
					.value()).isNaN();
			});
	}

	@Test
	void aBudgetSharedThroughBootsRedisConnectionShowsInHealth() throws Exception {
		try (RedisServerProcess redis = RedisServerProcess.start()) {
			withServer()
				.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
						DataRedisReactiveAutoConfiguration.class))
				.withPropertyValues("openai.rate-limit.enabled=true", "openai.rate-limit.store=redis",
						"openai.rate-limit.requests-per-minute=100", "spring.data.redis.host=127.0.0.1",
						"spring.data.redis.port=" + redis.port())
				.run((context) -> {
					OpenAiTransport transport = context.getBean(OpenAiTransport.class);
					assertThat(transport.rateLimiter()).isInstanceOf(RedisRateLimiter.class);
					this.server.enqueue(completion());
					assertThat(context.getBean(ChatCompletionsOperations.class)
						.create(List.of(ChatMessage.user("hi")))
						.text()).isEqualTo("hi");
					this.server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
						.body("{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}")
						.build());
					Health health = new OpenAiHealthIndicator(transport, "gpt-4o-mini", java.time.Duration.ofSeconds(3),
							java.time.Duration.ZERO)
						.health()
						.block();
					assertThat(health.getDetails()).containsEntry("rateLimitBudget", "shared");
				});
		}
	}

	@Test
	void aSharedBudgetNeedsSpringDataRedis() {
		withServer().withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("openai.rate-limit.enabled=true", "openai.rate-limit.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessage(
						"openai.rate-limit.store=redis needs Spring Data Redis: add spring-boot-starter-data-redis"));
	}

	private static MockResponse completion() {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(COMPLETION).build();
	}

}
