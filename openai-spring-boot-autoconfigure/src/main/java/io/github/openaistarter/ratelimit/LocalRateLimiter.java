package io.github.openaistarter.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.Usage;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.RateLimiter;
import io.github.openaistarter.core.ResponseMetadata;

import org.springframework.util.Assert;

/**
 * Request and token budgets per model, kept in this process: each attempt of a call that
 * names a model takes one request and its estimated tokens, waiting (without blocking a
 * thread) for room up to {@code maxWait}, and fails with {@link RateLimitBudgetException}
 * when the room would come later. Limits come from the builder, else from the
 * {@code x-ratelimit-limit-*} headers of the answers; until a budget's limit is known, it
 * holds nothing back. The {@code x-ratelimit-remaining-*} headers keep each budget at
 * most as full as the server says it is (other instances spend from the same limit), and
 * each answer's usage corrects the token estimate.
 */
public final class LocalRateLimiter implements RateLimiter {

	private final Limits limits;

	private final Duration maxWait;

	private final RateLimitEvents events;

	private final LongSupplier nanoClock;

	private final Scheduler scheduler;

	private final Map<String, ModelBudget> budgets = new ConcurrentHashMap<>();

	private LocalRateLimiter(Builder builder) {
		this.limits = new Limits(builder.requestsPerMinute, builder.tokensPerMinute, Map.copyOf(builder.models));
		this.maxWait = builder.maxWait;
		this.events = builder.events;
		this.nanoClock = builder.nanoClock;
		this.scheduler = builder.scheduler;
	}

	/**
	 * Starts building a limiter.
	 * @return a builder: no configured limits (learned from the answers), waits of up to
	 * 30 s
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Mono<Permit> acquire(OpenAiCall call) {
		return acquire(call, 1);
	}

	/**
	 * Acquires as one instance of several sharing a limit: each call costs {@code share}
	 * times its requests and tokens, so that this instance spends its share of the limit
	 * only (the shared limiter's fallback).
	 * @param call the call
	 * @param share how many instances share the limit
	 * @return the permit
	 */
	Mono<Permit> acquire(OpenAiCall call, int share) {
		String model = call.model();
		if (model == null) {
			return Mono.just(Permit.NONE);
		}
		ModelBudget budget = budget(model);
		long tokens = TokenEstimate.of(call.body());
		return Mono.defer(() -> {
			long start = this.nanoClock.getAsLong();
			return acquire(call, model, budget, share, tokens, start, start + this.maxWait.toNanos());
		});
	}

	private Mono<Permit> acquire(OpenAiCall call, String model, ModelBudget budget, int share, long tokens, long start,
			long deadline) {
		return Mono.defer(() -> {
			long now = this.nanoClock.getAsLong();
			ModelBudget.Shortfall shortfall = budget.tryTake(share, share * tokens, now);
			Budget short_ = shortfall.budget();
			if (short_ == null) {
				this.events.waited(model, Duration.ofNanos(now - start));
				return Mono.just(permit(budget, tokens, TokenEstimate.maxAnswerTokens(call.body())));
			}
			if (shortfall.waitNanos() < 0 || now + shortfall.waitNanos() > deadline) {
				this.events.refused(model, short_);
				return Mono.error(new RateLimitBudgetException(call.describe(), model, short_,
						(shortfall.waitNanos() < 0) ? null : Duration.ofNanos(shortfall.waitNanos()), this.maxWait));
			}
			return Mono.delay(Duration.ofNanos(shortfall.waitNanos()), this.scheduler)
				.then(acquire(call, model, budget, share, tokens, start, deadline));
		});
	}

	/**
	 * The permit of a call that took room from a budget: it tells the budget what came
	 * back.
	 * @param budget the budget
	 * @param estimated the tokens taken
	 * @param maxAnswerTokens the answer's cap the request set, or {@code null}
	 * @return the permit
	 */
	Permit permit(ModelBudget budget, long estimated, @Nullable Long maxAnswerTokens) {
		return new Permit() {

			@Override
			public void answered(ResponseMetadata metadata) {
				budget.learn(metadata.rateLimit(), LocalRateLimiter.this.nanoClock.getAsLong());
			}

			@Override
			public void item(Object item) {
				Long charged = charged(item, maxAnswerTokens);
				if (charged != null) {
					budget.correctTokens(estimated, charged);
				}
			}

		};
	}

	/**
	 * What a budget of a model holds now.
	 * @param model the model
	 * @param budget the budget
	 * @return the room left, or {@code NaN} while its limit is unknown
	 */
	public double remaining(String model, Budget budget) {
		return budget(model).remaining(budget, this.nanoClock.getAsLong());
	}

	/**
	 * The limit of a budget of a model, as configured or learned.
	 * @param model the model
	 * @param budget the budget
	 * @return the limit per minute, or {@code null} while unknown
	 */
	public @Nullable Long limit(String model, Budget budget) {
		return budget(model).limit(budget);
	}

	ModelBudget budget(String model) {
		ModelBudget budget = this.budgets.get(model);
		if (budget != null) {
			return budget;
		}
		return this.budgets.computeIfAbsent(model, (name) -> {
			ModelBudget created = this.limits.budget(name, this.nanoClock.getAsLong());
			for (Budget kind : Budget.values()) {
				this.events.budget(name, kind, () -> created.remaining(kind, this.nanoClock.getAsLong()));
			}
			return created;
		});
	}

	/**
	 * The longest a call waits for room.
	 * @return the wait
	 */
	Duration maxWait() {
		return this.maxWait;
	}

	RateLimitEvents events() {
		return this.events;
	}

	long now() {
		return this.nanoClock.getAsLong();
	}

	Scheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * The tokens a call's answer counts against the token budget, as OpenAI counts them:
	 * the prompt, and the answer's cap when the request sets one (else what the answer
	 * used).
	 * @param item an answer or a stream chunk
	 * @param maxAnswerTokens the request's cap on the answer, or {@code null}
	 * @return the tokens, or {@code null} when the item reports no usage
	 */
	static @Nullable Long charged(Object item, @Nullable Long maxAnswerTokens) {
		Usage usage = usage(item);
		if (usage == null) {
			return null;
		}
		return usage.promptTokens() + ((maxAnswerTokens != null) ? maxAnswerTokens : usage.completionTokens());
	}

	private static @Nullable Usage usage(Object item) {
		Object body = (item instanceof OpenAiResponse<?> response) ? response.body() : item;
		if (body instanceof ChatCompletion completion) {
			return completion.usage();
		}
		return (body instanceof ChatCompletionChunk chunk) ? chunk.usage() : null;
	}

	@Override
	public String toString() {
		return "LocalRateLimiter[models=" + this.budgets.keySet() + ", maxWait=" + this.maxWait + "]";
	}

	/** The configured limits: for every model, and for some models. */
	private record Limits(@Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute,
			Map<String, long[]> models) {

		ModelBudget budget(String model, long nowNanos) {
			long[] limits = this.models.get(model);
			return (limits != null) ? new ModelBudget(positive(limits[0]), positive(limits[1]), nowNanos)
					: new ModelBudget(this.requestsPerMinute, this.tokensPerMinute, nowNanos);
		}

		private static @Nullable Long positive(long value) {
			return (value > 0) ? value : null;
		}

	}

	/**
	 * Builds a {@link LocalRateLimiter}.
	 */
	public static final class Builder {

		private @Nullable Long requestsPerMinute;

		private @Nullable Long tokensPerMinute;

		private final Map<String, long[]> models = new ConcurrentHashMap<>();

		private Duration maxWait = Duration.ofSeconds(30);

		private RateLimitEvents events = RateLimitEvents.NONE;

		private LongSupplier nanoClock = System::nanoTime;

		private Scheduler scheduler = Schedulers.parallel();

		private Builder() {
		}

		/**
		 * Sets the limits of every model without limits of its own; unset, they are
		 * learned from the answers.
		 * @param requestsPerMinute requests per minute, or {@code null}
		 * @param tokensPerMinute tokens per minute, or {@code null}
		 * @return this builder
		 */
		public Builder limits(@Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
			this.tokensPerMinute = tokensPerMinute;
			return this;
		}

		/**
		 * Sets the limits of one model.
		 * @param model the model
		 * @param requestsPerMinute requests per minute, or {@code null} to learn it
		 * @param tokensPerMinute tokens per minute, or {@code null} to learn it
		 * @return this builder
		 */
		public Builder model(String model, @Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute) {
			this.models.put(model, new long[] { (requestsPerMinute != null) ? requestsPerMinute : 0,
					(tokensPerMinute != null) ? tokensPerMinute : 0 });
			return this;
		}

		/**
		 * Sets the longest a call waits for room before it fails with
		 * {@link RateLimitBudgetException}.
		 * @param maxWait the wait; zero to never wait
		 * @return this builder
		 */
		public Builder maxWait(Duration maxWait) {
			Assert.isTrue(!maxWait.isNegative(), "maxWait must not be negative");
			this.maxWait = maxWait;
			return this;
		}

		/**
		 * Sets who is told about waits and refusals.
		 * @param events the listener
		 * @return this builder
		 */
		public Builder events(RateLimitEvents events) {
			this.events = events;
			return this;
		}

		/**
		 * Replaces the clock and the scheduler of waits (tests).
		 * @param nanoClock the clock, in nanoseconds
		 * @param scheduler where waits end
		 * @return this builder
		 */
		public Builder clock(LongSupplier nanoClock, Scheduler scheduler) {
			this.nanoClock = nanoClock;
			this.scheduler = scheduler;
			return this;
		}

		/**
		 * Builds the limiter.
		 * @return the limiter
		 */
		public LocalRateLimiter build() {
			return new LocalRateLimiter(this);
		}

	}

}
