package io.github.openaistarter.observation;

import java.time.Duration;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import io.github.openaistarter.chat.model.Usage;
import io.github.openaistarter.observation.OpenAiObservationDocumentation.LowCardinalityKeys;

/**
 * Records the meters of OpenAI calls that a timer cannot show, tagged with the
 * observation's operation, provider, request model, client name and server: token usage
 * by type, a stream's time to first chunk and chunk count, and retries. Runs beside
 * Boot's default timer handler, which times every call.
 */
public class OpenAiMeterObservationHandler implements ObservationHandler<OpenAiObservationContext> {

	/**
	 * Tokens used per call, tagged {@code gen_ai.token.type}: input, output, cached,
	 * reasoning.
	 */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** Time from a stream's start to its first chunk. */
	public static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";

	/** Chunks per stream. */
	public static final String STREAM_CHUNKS = "gen_ai.client.operation.stream.chunks";

	/** Retries made (attempts beyond the first), to show retry storms. */
	public static final String RETRIES = "openai.client.retries";

	private final MeterRegistry registry;

	/**
	 * Creates the handler.
	 * @param registry the registry to record in
	 */
	public OpenAiMeterObservationHandler(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof OpenAiObservationContext;
	}

	@Override
	public void onStop(OpenAiObservationContext context) {
		Tags tags = Tags.of(tag(context, LowCardinalityKeys.OPERATION_NAME),
				tag(context, LowCardinalityKeys.PROVIDER_NAME), tag(context, LowCardinalityKeys.REQUEST_MODEL),
				tag(context, LowCardinalityKeys.OPENAI_OPERATION), tag(context, LowCardinalityKeys.CLIENT_NAME),
				tag(context, LowCardinalityKeys.SERVER_ADDRESS), tag(context, LowCardinalityKeys.SERVER_PORT));
		Usage usage = context.getUsage();
		if (usage != null) {
			tokens(tags, "input", usage.promptTokens());
			tokens(tags, "output", usage.completionTokens());
			if (usage.promptTokensDetails() != null && usage.promptTokensDetails().cachedTokens() != null) {
				tokens(tags, "cached", usage.promptTokensDetails().cachedTokens());
			}
			if (usage.completionTokensDetails() != null && usage.completionTokensDetails().reasoningTokens() != null) {
				tokens(tags, "reasoning", usage.completionTokensDetails().reasoningTokens());
			}
		}
		if (context.isStreaming() && context.getTimeToFirstChunkNanos() >= 0) {
			Timer.builder(TIME_TO_FIRST_CHUNK)
				.description("Time from the start of a streamed OpenAI call to its first chunk")
				.tags(tags)
				.register(this.registry)
				.record(Duration.ofNanos(context.getTimeToFirstChunkNanos()));
		}
		if (context.isStreaming()) {
			DistributionSummary.builder(STREAM_CHUNKS)
				.description("Chunks delivered per streamed OpenAI call")
				.tags(tags)
				.register(this.registry)
				.record(context.getChunkCount());
		}
		if (context.getAttempts() > 1) {
			Counter.builder(RETRIES)
				.description("Retries of OpenAI calls (attempts beyond the first)")
				.tags(tags)
				.register(this.registry)
				.increment(context.getAttempts() - 1);
		}
	}

	private void tokens(Tags tags, String type, long count) {
		DistributionSummary.builder(TOKEN_USAGE)
			.description("Tokens used by OpenAI calls")
			.baseUnit("tokens")
			.tags(tags.and("gen_ai.token.type", type))
			.register(this.registry)
			.record(count);
	}

	private static Tag tag(OpenAiObservationContext context, LowCardinalityKeys key) {
		KeyValue value = context.getLowCardinalityKeyValue(key.asString());
		return Tag.of(key.asString(), (value != null) ? value.getValue() : "none");
	}

}
