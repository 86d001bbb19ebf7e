package io.github.openaistarter.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.Metadata;

/**
 * Defaults of chat completion requests ({@code openai.chat.*}): each one applies when a
 * request leaves its field unset. A request's field replaces the default as a whole
 * (request metadata replaces default metadata).
 */
public class ChatDefaults {

	/**
	 * Model used when a request names none, for example gpt-4.1-mini.
	 */
	private @Nullable String model;

	/**
	 * Sampling temperature, 0 to 2.
	 */
	private @Nullable Double temperature;

	/**
	 * Nucleus sampling probability mass, 0 to 1.
	 */
	private @Nullable Double topP;

	/**
	 * Cap on generated tokens, reasoning included.
	 */
	private @Nullable Integer maxCompletionTokens;

	/**
	 * Reasoning effort of reasoning models: none, minimal, low, medium, high, xhigh or
	 * max.
	 */
	private @Nullable String reasoningEffort;

	/**
	 * Answer length: low, medium or high.
	 */
	private @Nullable String verbosity;

	/**
	 * Processing tier: auto, default, flex, scale, priority or fast.
	 */
	private @Nullable String serviceTier;

	/**
	 * Whether completions are stored for retrieval and listing.
	 */
	private @Nullable Boolean store;

	/**
	 * Metadata stored with completions (at most 16 pairs).
	 */
	private Map<String, String> metadata = new LinkedHashMap<>();

	/**
	 * Presence penalty, -2 to 2.
	 */
	private @Nullable Double presencePenalty;

	/**
	 * Frequency penalty, -2 to 2.
	 */
	private @Nullable Double frequencyPenalty;

	/**
	 * Whether the model may call several tools in one answer.
	 */
	private @Nullable Boolean parallelToolCalls;

	/**
	 * Stable identifier of the application's end user for abuse detection.
	 */
	private @Nullable String safetyIdentifier;

	/**
	 * Key grouping requests with a shared prompt prefix, for prompt caching.
	 */
	private @Nullable String promptCacheKey;

	/**
	 * The defaults as request fields by wire name ({@code max_completion_tokens}, ...),
	 * unset ones left out.
	 * @return the fields
	 */
	public Map<String, Object> toRequestFields() {
		Metadata.validate(this.metadata);
		Map<String, Object> fields = new LinkedHashMap<>();
		putIfSet(fields, "model", this.model);
		putIfSet(fields, "temperature", this.temperature);
		putIfSet(fields, "top_p", this.topP);
		putIfSet(fields, "max_completion_tokens", this.maxCompletionTokens);
		putIfSet(fields, "reasoning_effort", this.reasoningEffort);
		putIfSet(fields, "verbosity", this.verbosity);
		putIfSet(fields, "service_tier", this.serviceTier);
		putIfSet(fields, "store", this.store);
		if (!this.metadata.isEmpty()) {
			fields.put("metadata", Collections.unmodifiableMap(new LinkedHashMap<>(this.metadata)));
		}
		putIfSet(fields, "presence_penalty", this.presencePenalty);
		putIfSet(fields, "frequency_penalty", this.frequencyPenalty);
		putIfSet(fields, "parallel_tool_calls", this.parallelToolCalls);
		putIfSet(fields, "safety_identifier", this.safetyIdentifier);
		putIfSet(fields, "prompt_cache_key", this.promptCacheKey);
		return fields;
	}

	/**
	 * Written out rather than converted with a mapper: building one cost about 50 ms of
	 * every startup.
	 */
	private static void putIfSet(Map<String, Object> fields, String name, @Nullable Object value) {
		boolean blank = value instanceof String text && text.isBlank();
		if (value != null && !blank) {
			fields.put(name, value);
		}
	}

	/**
	 * Model used when a request names none.
	 * @return the model, or {@code null}
	 */
	public @Nullable String getModel() {
		return this.model;
	}

	/**
	 * Sets the default model.
	 * @param model the model
	 */
	public void setModel(@Nullable String model) {
		this.model = model;
	}

	/**
	 * Sampling temperature, 0 to 2.
	 * @return the temperature, or {@code null}
	 */
	public @Nullable Double getTemperature() {
		return this.temperature;
	}

	/**
	 * Sets the default temperature.
	 * @param temperature the temperature
	 */
	public void setTemperature(@Nullable Double temperature) {
		this.temperature = temperature;
	}

	/**
	 * Nucleus sampling probability mass, 0 to 1.
	 * @return top p, or {@code null}
	 */
	public @Nullable Double getTopP() {
		return this.topP;
	}

	/**
	 * Sets the default top p.
	 * @param topP top p
	 */
	public void setTopP(@Nullable Double topP) {
		this.topP = topP;
	}

	/**
	 * Cap on generated tokens, reasoning included.
	 * @return the cap, or {@code null}
	 */
	public @Nullable Integer getMaxCompletionTokens() {
		return this.maxCompletionTokens;
	}

	/**
	 * Sets the default cap on generated tokens.
	 * @param maxCompletionTokens the cap
	 */
	public void setMaxCompletionTokens(@Nullable Integer maxCompletionTokens) {
		this.maxCompletionTokens = maxCompletionTokens;
	}

	/**
	 * Reasoning effort of reasoning models.
	 * @return the effort, or {@code null}
	 */
	public @Nullable String getReasoningEffort() {
		return this.reasoningEffort;
	}

	/**
	 * Sets the default reasoning effort.
	 * @param reasoningEffort the effort
	 */
	public void setReasoningEffort(@Nullable String reasoningEffort) {
		this.reasoningEffort = reasoningEffort;
	}

	/**
	 * Answer length.
	 * @return the verbosity, or {@code null}
	 */
	public @Nullable String getVerbosity() {
		return this.verbosity;
	}

	/**
	 * Sets the default verbosity.
	 * @param verbosity the verbosity
	 */
	public void setVerbosity(@Nullable String verbosity) {
		this.verbosity = verbosity;
	}

	/**
	 * Processing tier.
	 * @return the tier, or {@code null}
	 */
	public @Nullable String getServiceTier() {
		return this.serviceTier;
	}

	/**
	 * Sets the default processing tier.
	 * @param serviceTier the tier
	 */
	public void setServiceTier(@Nullable String serviceTier) {
		this.serviceTier = serviceTier;
	}

	/**
	 * Whether completions are stored.
	 * @return the flag, or {@code null}
	 */
	public @Nullable Boolean getStore() {
		return this.store;
	}

	/**
	 * Sets whether completions are stored by default.
	 * @param store the flag
	 */
	public void setStore(@Nullable Boolean store) {
		this.store = store;
	}

	/**
	 * Metadata stored with completions.
	 * @return the metadata
	 */
	public Map<String, String> getMetadata() {
		return this.metadata;
	}

	/**
	 * Sets the default metadata.
	 * @param metadata the metadata
	 */
	public void setMetadata(Map<String, String> metadata) {
		this.metadata = metadata;
	}

	/**
	 * Presence penalty.
	 * @return the penalty, or {@code null}
	 */
	public @Nullable Double getPresencePenalty() {
		return this.presencePenalty;
	}

	/**
	 * Sets the default presence penalty.
	 * @param presencePenalty the penalty
	 */
	public void setPresencePenalty(@Nullable Double presencePenalty) {
		this.presencePenalty = presencePenalty;
	}

	/**
	 * Frequency penalty.
	 * @return the penalty, or {@code null}
	 */
	public @Nullable Double getFrequencyPenalty() {
		return this.frequencyPenalty;
	}

	/**
	 * Sets the default frequency penalty.
	 * @param frequencyPenalty the penalty
	 */
	public void setFrequencyPenalty(@Nullable Double frequencyPenalty) {
		this.frequencyPenalty = frequencyPenalty;
	}

	/**
	 * Whether the model may call several tools in one answer.
	 * @return the flag, or {@code null}
	 */
	public @Nullable Boolean getParallelToolCalls() {
		return this.parallelToolCalls;
	}

	/**
	 * Sets whether parallel tool calls are allowed by default.
	 * @param parallelToolCalls the flag
	 */
	public void setParallelToolCalls(@Nullable Boolean parallelToolCalls) {
		this.parallelToolCalls = parallelToolCalls;
	}

	/**
	 * Stable identifier of the end user for abuse detection.
	 * @return the identifier, or {@code null}
	 */
	public @Nullable String getSafetyIdentifier() {
		return this.safetyIdentifier;
	}

	/**
	 * Sets the default safety identifier.
	 * @param safetyIdentifier the identifier
	 */
	public void setSafetyIdentifier(@Nullable String safetyIdentifier) {
		this.safetyIdentifier = safetyIdentifier;
	}

	/**
	 * Key grouping requests with a shared prompt prefix.
	 * @return the key, or {@code null}
	 */
	public @Nullable String getPromptCacheKey() {
		return this.promptCacheKey;
	}

	/**
	 * Sets the default prompt cache key.
	 * @param promptCacheKey the key
	 */
	public void setPromptCacheKey(@Nullable String promptCacheKey) {
		this.promptCacheKey = promptCacheKey;
	}

}
