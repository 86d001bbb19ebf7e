package io.github.openaistarter.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.RateLimiter;
import io.github.openaistarter.core.ResponseMetadata;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LocalRateLimiter}, on virtual time.
 */
class LocalRateLimiterTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<String> events = new ArrayList<>();

	private LocalRateLimiter.Builder limiter() {
		return LocalRateLimiter.builder()
			.clock(() -> this.time.now(TimeUnit.NANOSECONDS), this.time)
			.events(new RateLimitEvents() {

				@Override
				public void waited(String model, Duration wait) {
					LocalRateLimiterTests.this.events.add("waited " + model + " " + wait.toMillis() + "ms");
				}

				@Override
				public void refused(String model, Budget budget) {
					LocalRateLimiterTests.this.events.add("refused " + model + " " + budget.value());
				}

			});
	}

	private static OpenAiCall create(String model, String body) {
		return OpenAiCall.builder("chat.completions.create", HttpMethod.POST, "/chat/completions")
			.model(model)
			.body(body.getBytes(StandardCharsets.UTF_8))
			.build();
	}

	private static OpenAiCall hello() {
		return create("gpt-4o-mini",
				"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
	}

	@Test
	void aCallWaitsForTheRoomItsRequestsBudgetRegainsThenGoes() {
		LocalRateLimiter limiter = limiter().limits(2L, null).maxWait(Duration.ofMinutes(1)).build();
		StepVerifier.create(limiter.acquire(hello())).expectNextCount(1).verifyComplete();
		StepVerifier.create(limiter.acquire(hello())).expectNextCount(1).verifyComplete();
		// 2 a minute: one more request's room comes back in 30 s
		StepVerifier.withVirtualTime(() -> limiter.acquire(hello()), () -> this.time, 1)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(29))
			.expectNoEvent(Duration.ofMillis(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(this.events).containsExactly("waited gpt-4o-mini 0ms", "waited gpt-4o-mini 0ms",
				"waited gpt-4o-mini 30000ms");
	}

	@Test
	void aCallThatWouldWaitLongerThanAllowedIsRefusedNamingTheBudget() {
		LocalRateLimiter limiter = limiter().limits(1L, null).maxWait(Duration.ofSeconds(10)).build();
		limiter.acquire(hello()).block();
		StepVerifier.create(limiter.acquire(hello()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(RateLimitBudgetException.class)
				.hasMessage("POST /chat/completions was not sent: the requests per minute budget of gpt-4o-mini has"
						+ " room again in 60000 ms, beyond the 10000 ms a call may wait")
				.satisfies((refused) -> assertThat(((RateLimitBudgetException) refused).budget())
					.isEqualTo(Budget.REQUESTS)))
			.verify();
		assertThat(this.events).endsWith("refused gpt-4o-mini requests");
	}

	@Test
	void tokensCountThePromptAndTheAnswersCap() {
		LocalRateLimiter limiter = limiter().limits(null, 1000L).maxWait(Duration.ZERO).build();
		String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[],\"max_completion_tokens\":600}";
		limiter.acquire(create("gpt-4o-mini", body)).block();
		assertThat(limiter.remaining("gpt-4o-mini", Budget.TOKENS)).isCloseTo(1000 - 600 - body.length() / 4,
				org.assertj.core.data.Offset.offset(1.0));
		StepVerifier.create(limiter.acquire(create("gpt-4o-mini", body)))
			.expectErrorSatisfies((ex) -> assertThat(((RateLimitBudgetException) ex).budget()).isEqualTo(Budget.TOKENS))
			.verify();
	}

	@Test
	void aCallLargerThanTheWholeTokenBudgetIsRefusedAtOnce() {
		LocalRateLimiter limiter = limiter().limits(null, 100L).build();
		StepVerifier.create(limiter.acquire(create("m", "{\"max_completion_tokens\":500}")))
			.expectErrorSatisfies((ex) -> assertThat(ex)
				.hasMessage("POST /chat/completions was not sent: the tokens per minute budget of m is smaller than"
						+ " this one call"))
			.verify();
	}

	@Test
	void limitsAndWhatIsLeftAreLearnedFromTheAnswers() {
		LocalRateLimiter limiter = limiter().maxWait(Duration.ZERO).build();
		RateLimiter.Permit permit = limiter.acquire(hello()).block();
		assertThat(limiter.limit("gpt-4o-mini", Budget.REQUESTS)).isNull();
		HttpHeaders headers = new HttpHeaders();
		headers.set("x-ratelimit-limit-requests", "500");
		headers.set("x-ratelimit-remaining-requests", "0");
		headers.set("x-ratelimit-limit-tokens", "30000");
		headers.set("x-ratelimit-remaining-tokens", "29000");
		permit.answered(ResponseMetadata.of(HttpStatus.OK, headers));
		assertThat(limiter.limit("gpt-4o-mini", Budget.REQUESTS)).isEqualTo(500);
		assertThat(limiter.limit("gpt-4o-mini", Budget.TOKENS)).isEqualTo(30000);
		StepVerifier.create(limiter.acquire(hello()))
			.expectErrorSatisfies(
					(ex) -> assertThat(((RateLimitBudgetException) ex).budget()).isEqualTo(Budget.REQUESTS))
			.verify();
	}

	@Test
	void theUsageOfAnAnswerCorrectsTheEstimate() throws Exception {
		LocalRateLimiter limiter = limiter().limits(null, 10_000L).build();
		OpenAiCall call = create("m", "{\"model\":\"m\",\"messages\":[]}");
		RateLimiter.Permit permit = limiter.acquire(call).block();
		double before = limiter.remaining("m", Budget.TOKENS);
		ChatCompletionChunk usage = new tools.jackson.databind.json.JsonMapper().readValue(
				"{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
						+ "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":60,\"total_tokens\":100}}",
				ChatCompletionChunk.class);
		permit.item(usage);
		// the estimate was the body's 7 tokens; the answer says 100
		assertThat(limiter.remaining("m", Budget.TOKENS)).isCloseTo(before - (100 - 7),
				org.assertj.core.data.Offset.offset(1.0));
	}

	@Test
	void callsWithoutAModelAreNotLimited() {
		LocalRateLimiter limiter = limiter().limits(1L, 1L).maxWait(Duration.ZERO).build();
		OpenAiCall list = OpenAiCall.builder("chat.completions.list", HttpMethod.GET, "/chat/completions").build();
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire(list).block()).isSameAs(RateLimiter.Permit.NONE);
		}
	}

	@Test
	void cancellingAWaitingCallEndsItsWait() {
		LocalRateLimiter limiter = limiter().limits(1L, null).build();
		limiter.acquire(hello()).block();
		StepVerifier.withVirtualTime(() -> limiter.acquire(hello()), () -> this.time, 1)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(5))
			.thenCancel()
			.verify();
		// the cancelled call took no room when its wait would have ended: the budget
		// refills to full
		this.time.advanceTimeBy(Duration.ofMinutes(2));
		assertThat(limiter.remaining("gpt-4o-mini", Budget.REQUESTS)).isEqualTo(1.0);
	}

}
