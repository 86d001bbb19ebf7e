package io.github.openaistarter.autoconfigure;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.github.openaistarter.ratelimit.Budget;
import io.github.openaistarter.ratelimit.RateLimitEvents;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The meters of a client's rate limiter: {@value #WAIT} (a timer of the wait for budget
 * before each attempt), {@value #REFUSALS} (calls refused for a budget short of room) and
 * {@value #FALLBACKS} (acquisitions the local budget decided because Redis could not be
 * reached) and {@value #REMAINING} (a gauge of the room left in each budget), tagged with
 * the client's name and the model. Loaded only with Micrometer on the classpath.
 */
final class RateLimitMeters implements RateLimitEvents {

	static final String WAIT = "openai.client.rate_limit.wait";

	static final String REFUSALS = "openai.client.rate_limit.refusals";

	static final String FALLBACKS = "openai.client.rate_limit.fallbacks";

	static final String REMAINING = "openai.client.rate_limit.remaining";

	private final MeterRegistry registry;

	private final String client;

	private RateLimitMeters(MeterRegistry registry, String client) {
		this.registry = registry;
		this.client = client;
	}

	/**
	 * The meters of a client, or no meters without a {@code MeterRegistry} bean.
	 * @param beanFactory where the registry is
	 * @param client the client's name
	 * @return the events
	 */
	static RateLimitEvents of(ListableBeanFactory beanFactory, String client) {
		MeterRegistry registry = beanFactory.getBeanProvider(MeterRegistry.class).getIfUnique();
		return (registry != null) ? new RateLimitMeters(registry, client) : RateLimitEvents.NONE;
	}

	@Override
	public void waited(String model, Duration wait) {
		Timer.builder(WAIT)
			.description("Wait for room in the rate-limit budgets before each attempt of an OpenAI call")
			.tags("openai.client.name", this.client, "gen_ai.request.model", model)
			.register(this.registry)
			.record(wait);
	}

	@Override
	public void budget(String model, Budget budget, DoubleSupplier remaining) {
		Gauge.builder(REMAINING, remaining, DoubleSupplier::getAsDouble)
			.description("Room left now in a rate-limit budget of this instance (the shared budget lives in Redis)")
			.tags("openai.client.name", this.client, "gen_ai.request.model", model, "budget", budget.value())
			.strongReference(true)
			.register(this.registry);
	}

	@Override
	public void refused(String model, Budget budget) {
		Counter.builder(REFUSALS)
			.description("OpenAI calls refused before sending: their budget would not have had room in time")
			.tags("openai.client.name", this.client, "gen_ai.request.model", model, "budget", budget.value())
			.register(this.registry)
			.increment();
	}

	@Override
	public void fellBack(String model, Throwable cause) {
		Counter.builder(FALLBACKS)
			.description("Rate-limit acquisitions decided by the local budget because Redis could not be reached")
			.tags("openai.client.name", this.client, "gen_ai.request.model", model)
			.register(this.registry)
			.increment();
	}

}
