package io.github.openaistarter.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.client.OpenAiClient;
import io.github.openaistarter.conformance.SharedOpenAiFake;
import io.github.openaistarter.core.RateLimitException;
import io.github.openaistarter.core.RateLimiter;
import io.github.openaistarter.core.RetryPolicy;
import io.github.openaistarter.health.OpenAiHealthIndicator;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three clients with one key against {@code ../shared/openai-fake --rpm 30}: with a
 * budget shared through a real Redis, none of them meets a 429; with budgets of their
 * own, they do. And Redis stopped mid-run: no call hangs, the local budget decides, and
 * the shared one comes back by itself.
 */
@Timeout(120)
class SharedBudgetTests {

	private static final int RPM = 30;

	private static final String KEY = "sk-shared-budget-test";

	private static SharedOpenAiFake fake;

	private static RedisServerProcess redis;

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		redis = RedisServerProcess.start();
		fake = SharedOpenAiFake.start(List.of("--rpm", String.valueOf(RPM)));
	}

	@AfterAll
	static void stop() throws Exception {
		SharedOpenAiFake.stopWithoutViolations(fake);
		if (redis != null) {
			redis.close();
		}
	}

	@BeforeEach
	void reset() {
		fake.reset();
		this.connections.forEach(LettuceConnectionFactory::destroy);
		this.connections.clear();
	}

	@Test
	void threeInstancesSharingTheBudgetMeetNo429() {
		String prefix = "test:" + System.nanoTime();
		List<OpenAiClient> clients = List.of(client(shared(prefix)), client(shared(prefix)), client(shared(prefix)));
		Outcome outcome = burst(clients, 15);
		// the shared bucket holds 30: about 30 calls go, the rest are refused before
		// sending, none meets a 429
		assertThat(outcome.throttled()).isZero();
		assertThat(fake.stats().get("rateLimited").asInt()).isZero();
		assertThat(outcome.succeeded()).isBetween(RPM - 1, RPM + 2);
		assertThat(outcome.refused()).isEqualTo(45 - outcome.succeeded());
		clients.forEach(OpenAiClient::close);
	}

	@Test
	void threeInstancesWithBudgetsOfTheirOwnMeet429s() {
		List<OpenAiClient> clients = List.of(client(local()), client(local()), client(local()));
		// every answer waits until all 45 calls are sent: a local budget also keeps
		// to the remaining-requests header of the answers it has seen, so an early
		// answer would let a slow instance refuse calls rather than meet the 429s
		fake.fault("{\"path\": \"/chat/completions\", \"delayMs\": 2000, \"times\": 45}");
		Outcome outcome = burst(clients, 15);
		// each believes it has 30 to spend: all 45 are sent, and the server refuses about
		// 15
		assertThat(outcome.refused()).isZero();
		assertThat(outcome.throttled()).isGreaterThanOrEqualTo(10);
		assertThat(fake.stats().get("rateLimited").asInt()).isEqualTo(outcome.throttled());
		clients.forEach(OpenAiClient::close);
	}

	@Test
	void withRedisStoppedCallsFallBackToTheirShareAndTheBudgetIsSharedAgainWhenItReturns() throws Exception {
		List<String> fallbacks = new java.util.concurrent.CopyOnWriteArrayList<>();
		RedisRateLimiter limiter = shared("test:" + System.nanoTime(), new RateLimitEvents() {

			@Override
			public void fellBack(String model, Throwable cause) {
				fallbacks.add(model);
			}

		});
		try (OpenAiClient client = client(limiter)) {
			assertThat(call(client)).isEqualTo("ok");
			assertThat(limiter.state()).isEqualTo("shared");
			redis.stop();
			long start = System.nanoTime();
			assertThat(call(client)).isEqualTo("ok");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(limiter.isFallingBack()).isTrue();
			assertThat(limiter.state()).startsWith("local since ");
			assertThat(fallbacks).containsExactly("gpt-4o-mini");
			assertThat(
					new OpenAiHealthIndicator(client.transport(), null, Duration.ofSeconds(5), Duration.ZERO).health()
						.block()
						.getDetails())
				.hasEntrySatisfying("rateLimitBudget",
						(budget) -> assertThat(budget.toString()).startsWith("local since "));
			redis.restart();
			// Redis is tried again a second after the last failure
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (limiter.isFallingBack() && System.nanoTime() < deadline) {
				Thread.sleep(200);
				call(client);
			}
			assertThat(limiter.state()).isEqualTo("shared");
		}
	}

	private Outcome burst(List<OpenAiClient> clients, int callsEach) {
		AtomicInteger succeeded = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger throttled = new AtomicInteger();
		Flux.fromIterable(clients)
			.flatMap((client) -> Flux.range(0, callsEach)
				.flatMap((i) -> client.reactiveChat()
					.create(hello())
					.doOnNext((answer) -> succeeded.incrementAndGet())
					.onErrorResume(RateLimitBudgetException.class, (ex) -> {
						refused.incrementAndGet();
						return Mono.empty();
					})
					.onErrorResume(RateLimitException.class, (ex) -> {
						throttled.incrementAndGet();
						return Mono.empty();
					})))
			.blockLast(Duration.ofSeconds(60));
		return new Outcome(succeeded.get(), refused.get(), throttled.get());
	}

	private static String call(OpenAiClient client) {
		return (client.chat().create(hello()).text() != null) ? "ok" : "no text";
	}

	private static ChatCompletionRequest hello() {
		return ChatCompletionRequest.of("gpt-4o-mini", List.of(ChatMessage.user("Hello")));
	}

	private OpenAiClient client(RateLimiter limiter) {
		return OpenAiClient.builder()
			.baseUrl(fake.baseUrl())
			.apiKey(KEY)
			.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0))
			.rateLimiter(limiter)
			.build();
	}

	private static LocalRateLimiter local() {
		return LocalRateLimiter.builder().limits((long) RPM, null).maxWait(Duration.ZERO).build();
	}

	private RedisRateLimiter shared(String prefix) {
		return shared(prefix, RateLimitEvents.NONE);
	}

	private RedisRateLimiter shared(String prefix, RateLimitEvents events) {
		LettuceConnectionFactory connection = new LettuceConnectionFactory("127.0.0.1", redis.port());
		connection.afterPropertiesSet();
		connection.start();
		this.connections.add(connection);
		LocalRateLimiter local = LocalRateLimiter.builder()
			.limits((long) RPM, null)
			.maxWait(Duration.ZERO)
			.events(events)
			.build();
		return new RedisRateLimiter(new ReactiveStringRedisTemplate(connection), prefix, local, Duration.ofMillis(250));
	}

	private record Outcome(int succeeded, int refused, int throttled) {
	}

}
