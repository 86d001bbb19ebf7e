package io.github.openaistarter.chat.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A request to create a chat completion ({@code POST /chat/completions}). Immutable;
 * build one with {@link #builder()} or {@link #of(String, List)}: <pre>{@code
 * ChatCompletionRequest request = ChatCompletionRequest.builder()
 *     .model("gpt-4.1-mini")
 *     .message(ChatMessage.system("Answer in one sentence."))
 *     .message(ChatMessage.user("Why is the sky blue?"))
 *     .temperature(0.2)
 *     .store(true)
 *     .metadata(Map.of("topic", "physics"))
 *     .build();
 * }</pre> Fields left unset are not sent (OpenAI applies its defaults, or the
 * application's {@code openai.chat.*} defaults apply). The model may be left unset when
 * {@code openai.chat.model} is configured. Whether to stream is not part of the request:
 * call {@code create} or {@code stream}.
 *
 * <p>
 * A field this library does not know yet can be sent with
 * {@link Builder#extraBody(String, Object)}.
 */
public final class ChatCompletionRequest {

	private final Map<String, Object> body;

	private ChatCompletionRequest(Map<String, Object> body) {
		this.body = Collections.unmodifiableMap(body);
	}

	/**
	 * A request for a model and messages, with every other field unset.
	 * @param model the model, for example {@code gpt-4.1-mini}
	 * @param messages the conversation, at least one message
	 * @return the request
	 */
	public static ChatCompletionRequest of(String model, List<? extends ChatMessage> messages) {
		return builder().model(model).messages(messages).build();
	}

	/**
	 * A request for messages, with the configured default model
	 * ({@code openai.chat.model}).
	 * @param messages the conversation, at least one message
	 * @return the request
	 */
	public static ChatCompletionRequest of(List<? extends ChatMessage> messages) {
		return builder().messages(messages).build();
	}

	/**
	 * Starts building a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder(new LinkedHashMap<>());
	}

	/**
	 * Returns a builder initialised with this request, to derive a changed copy.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(new LinkedHashMap<>(this.body));
	}

	/**
	 * The messages of the conversation.
	 * @return the messages
	 */
	@SuppressWarnings("unchecked")
	public List<ChatMessage> messages() {
		List<ChatMessage> messages = (List<ChatMessage>) this.body.get("messages");
		Assert.state(messages != null, "A built request has messages");
		return messages;
	}

	/**
	 * The model, or {@code null} to use the configured default.
	 * @return the model
	 */
	public @Nullable String model() {
		return (String) this.body.get("model");
	}

	/**
	 * Whether the completion is stored, for retrieval and listing.
	 * @return the flag, or {@code null} when unset (not stored)
	 */
	public @Nullable Boolean store() {
		return (Boolean) this.body.get("store");
	}

	/**
	 * The metadata stored with the completion.
	 * @return the metadata, empty when unset
	 */
	@SuppressWarnings("unchecked")
	public Map<String, String> metadata() {
		return (Map<String, String>) this.body.getOrDefault("metadata", Map.of());
	}

	/**
	 * One field of the body by its wire name, for fields without a dedicated getter.
	 * @param name the wire name, for example {@code temperature}
	 * @return the value, or {@code null} when unset
	 */
	public @Nullable Object get(String name) {
		return this.body.get(name);
	}

	/**
	 * The JSON body: wire names to values, in the order set, extra fields included.
	 * Read-only.
	 * @return the body
	 */
	@JsonValue
	public Map<String, Object> body() {
		return this.body;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ChatCompletionRequest that && this.body.equals(that.body);
	}

	@Override
	public int hashCode() {
		return this.body.hashCode();
	}

	@Override
	public String toString() {
		return "ChatCompletionRequest" + this.body;
	}

	/**
	 * Builds a {@link ChatCompletionRequest}. Each setter takes {@code null} to unset its
	 * field.
	 */
	public static final class Builder {

		/** Fields with a setter of their own; {@link #extraBody} refuses them. */
		private static final Set<String> KNOWN = Set.of("messages", "model", "store", "metadata", "temperature",
				"top_p", "n", "stop", "max_completion_tokens", "max_tokens", "presence_penalty", "frequency_penalty",
				"logit_bias", "logprobs", "top_logprobs", "seed", "user", "safety_identifier", "prompt_cache_key",
				"prompt_cache_retention", "prompt_cache_options", "service_tier", "reasoning_effort", "verbosity",
				"modalities", "audio", "prediction", "web_search_options", "response_format", "tools", "tool_choice",
				"parallel_tool_calls", "stream_options", "moderation");

		private final Map<String, Object> body;

		private Builder(Map<String, Object> body) {
			this.body = body;
		}

		private Builder set(String name, @Nullable Object value) {
			if (value == null) {
				this.body.remove(name);
			}
			else {
				this.body.put(name, value);
			}
			return this;
		}

		/**
		 * Sets the model.
		 * @param model for example {@code gpt-4.1-mini}; {@code null} for the configured
		 * default
		 * @return this builder
		 */
		public Builder model(@Nullable String model) {
			Assert.isTrue(model == null || !model.isBlank(), "model must not be blank");
			return set("model", model);
		}

		/**
		 * Replaces the messages.
		 * @param messages the conversation
		 * @return this builder
		 */
		public Builder messages(List<? extends ChatMessage> messages) {
			Assert.notNull(messages, "messages must not be null");
			Assert.noNullElements(messages, "messages must not contain null");
			return set("messages", List.<ChatMessage>copyOf(messages));
		}

		/**
		 * Appends a message.
		 * @param message the message
		 * @return this builder
		 */
		@SuppressWarnings("unchecked")
		public Builder message(ChatMessage message) {
			Assert.notNull(message, "message must not be null");
			List<ChatMessage> messages = new ArrayList<>(
					(List<ChatMessage>) this.body.getOrDefault("messages", List.of()));
			messages.add(message);
			return set("messages", List.copyOf(messages));
		}

		/**
		 * Stores the completion for retrieval, listing and evals ({@code store}).
		 * @param store whether to store
		 * @return this builder
		 */
		public Builder store(@Nullable Boolean store) {
			return set("store", store);
		}

		/**
		 * Sets the metadata stored with the completion: at most 16 pairs, keys up to 64
		 * characters, values up to 512.
		 * @param metadata the metadata
		 * @return this builder
		 * @throws IllegalArgumentException if the metadata breaks those limits
		 */
		public Builder metadata(@Nullable Map<String, String> metadata) {
			return set("metadata", (metadata != null) ? Metadata.validate(metadata) : null);
		}

		/**
		 * Sets the sampling temperature, 0 to 2; higher is more random.
		 * @param temperature the temperature
		 * @return this builder
		 */
		public Builder temperature(@Nullable Double temperature) {
			return set("temperature", temperature);
		}

		/**
		 * Sets nucleus sampling ({@code top_p}), 0 to 1.
		 * @param topP the probability mass to sample from
		 * @return this builder
		 */
		public Builder topP(@Nullable Double topP) {
			return set("top_p", topP);
		}

		/**
		 * Sets how many choices to generate ({@code n}).
		 * @param n the number of choices, at least 1
		 * @return this builder
		 */
		public Builder n(@Nullable Integer n) {
			Assert.isTrue(n == null || n >= 1, "n must be at least 1");
			return set("n", n);
		}

		/**
		 * Sets one stop sequence.
		 * @param stop the sequence at which generation stops
		 * @return this builder
		 */
		public Builder stop(@Nullable String stop) {
			return set("stop", stop);
		}

		/**
		 * Sets up to 4 stop sequences.
		 * @param stop the sequences
		 * @return this builder
		 */
		public Builder stop(@Nullable List<String> stop) {
			return set("stop", (stop != null) ? List.copyOf(stop) : null);
		}

		/**
		 * Caps the generated tokens, reasoning included ({@code max_completion_tokens}).
		 * @param maxCompletionTokens the cap
		 * @return this builder
		 */
		public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
			return set("max_completion_tokens", maxCompletionTokens);
		}

		/**
		 * Caps the generated tokens ({@code max_tokens}); not supported by reasoning
		 * models.
		 * @param maxTokens the cap
		 * @return this builder
		 * @deprecated use {@link #maxCompletionTokens(Integer)}
		 */
		@Deprecated
		public Builder maxTokens(@Nullable Integer maxTokens) {
			return set("max_tokens", maxTokens);
		}

		/**
		 * Sets the presence penalty, -2 to 2.
		 * @param presencePenalty the penalty
		 * @return this builder
		 */
		public Builder presencePenalty(@Nullable Double presencePenalty) {
			return set("presence_penalty", presencePenalty);
		}

		/**
		 * Sets the frequency penalty, -2 to 2.
		 * @param frequencyPenalty the penalty
		 * @return this builder
		 */
		public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
			return set("frequency_penalty", frequencyPenalty);
		}

		/**
		 * Biases tokens: token id (as text) to a bias from -100 to 100.
		 * @param logitBias the biases
		 * @return this builder
		 */
		public Builder logitBias(@Nullable Map<String, Integer> logitBias) {
			return set("logit_bias", Immutables.mapOrNull(logitBias));
		}

		/**
		 * Returns the log probabilities of the output tokens.
		 * @param logprobs whether to return them
		 * @return this builder
		 */
		public Builder logprobs(@Nullable Boolean logprobs) {
			return set("logprobs", logprobs);
		}

		/**
		 * Returns the most likely tokens at each position, 0 to 20; needs
		 * {@code logprobs}.
		 * @param topLogprobs how many
		 * @return this builder
		 */
		public Builder topLogprobs(@Nullable Integer topLogprobs) {
			return set("top_logprobs", topLogprobs);
		}

		/**
		 * Asks for deterministic sampling with a seed (best effort).
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder seed(@Nullable Long seed) {
			return set("seed", seed);
		}

		/**
		 * Identifies the end user ({@code user}).
		 * @param user the user id
		 * @return this builder
		 * @deprecated use {@link #safetyIdentifier(String)} and
		 * {@link #promptCacheKey(String)}
		 */
		@Deprecated
		public Builder user(@Nullable String user) {
			return set("user", user);
		}

		/**
		 * Identifies the end user for abuse detection, as a stable hash (up to 64
		 * characters).
		 * @param safetyIdentifier the identifier
		 * @return this builder
		 */
		public Builder safetyIdentifier(@Nullable String safetyIdentifier) {
			return set("safety_identifier", safetyIdentifier);
		}

		/**
		 * Groups requests that share a prompt prefix, to improve prompt cache hits.
		 * @param promptCacheKey the key
		 * @return this builder
		 */
		public Builder promptCacheKey(@Nullable String promptCacheKey) {
			return set("prompt_cache_key", promptCacheKey);
		}

		/**
		 * Sets the prompt cache retention, {@code in_memory} or {@code 24h}.
		 * @param promptCacheRetention the retention
		 * @return this builder
		 * @deprecated use {@link #promptCacheOptions(PromptCacheOptions)}
		 */
		@Deprecated
		public Builder promptCacheRetention(@Nullable String promptCacheRetention) {
			return set("prompt_cache_retention", promptCacheRetention);
		}

		/**
		 * Sets prompt caching options.
		 * @param promptCacheOptions the options
		 * @return this builder
		 */
		public Builder promptCacheOptions(@Nullable PromptCacheOptions promptCacheOptions) {
			return set("prompt_cache_options", promptCacheOptions);
		}

		/**
		 * Sets the processing tier.
		 * @param serviceTier the tier
		 * @return this builder
		 */
		public Builder serviceTier(@Nullable ServiceTier serviceTier) {
			return set("service_tier", serviceTier);
		}

		/**
		 * Sets how much a reasoning model thinks.
		 * @param reasoningEffort the effort
		 * @return this builder
		 */
		public Builder reasoningEffort(@Nullable ReasoningEffort reasoningEffort) {
			return set("reasoning_effort", reasoningEffort);
		}

		/**
		 * Sets how long the answer should be.
		 * @param verbosity the verbosity
		 * @return this builder
		 */
		public Builder verbosity(@Nullable Verbosity verbosity) {
			return set("verbosity", verbosity);
		}

		/**
		 * Sets the output modalities, {@code text} and/or {@code audio}.
		 * @param modalities the modalities
		 * @return this builder
		 */
		public Builder modalities(@Nullable List<String> modalities) {
			return set("modalities", (modalities != null) ? List.copyOf(modalities) : null);
		}

		/**
		 * Sets audio output (with {@code modalities} including {@code audio}).
		 * @param audio voice and format
		 * @return this builder
		 */
		public Builder audio(@Nullable AudioOutput audio) {
			return set("audio", audio);
		}

		/**
		 * Sets predicted output, to speed up answers that mostly repeat known text.
		 * @param prediction the prediction
		 * @return this builder
		 */
		public Builder prediction(@Nullable Prediction prediction) {
			return set("prediction", prediction);
		}

		/**
		 * Sets web search options, for the search models.
		 * @param webSearchOptions the options
		 * @return this builder
		 */
		public Builder webSearchOptions(@Nullable WebSearchOptions webSearchOptions) {
			return set("web_search_options", webSearchOptions);
		}

		/**
		 * Sets the answer format: text, JSON, or JSON following a schema.
		 * @param responseFormat the format
		 * @return this builder
		 */
		public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
			return set("response_format", responseFormat);
		}

		/**
		 * Replaces the tools the model may call.
		 * @param tools the tools
		 * @return this builder
		 */
		public Builder tools(@Nullable List<Tool> tools) {
			return set("tools", (tools != null) ? List.copyOf(tools) : null);
		}

		/**
		 * Appends a tool the model may call.
		 * @param tool the tool
		 * @return this builder
		 */
		@SuppressWarnings("unchecked")
		public Builder tool(Tool tool) {
			Assert.notNull(tool, "tool must not be null");
			List<Tool> tools = new ArrayList<>((List<Tool>) this.body.getOrDefault("tools", List.of()));
			tools.add(tool);
			return set("tools", List.copyOf(tools));
		}

		/**
		 * Sets which tool to call.
		 * @param toolChoice the choice
		 * @return this builder
		 */
		public Builder toolChoice(@Nullable ToolChoice toolChoice) {
			return set("tool_choice", toolChoice);
		}

		/**
		 * Allows several tool calls in one answer (default true).
		 * @param parallelToolCalls whether to allow them
		 * @return this builder
		 */
		public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
			return set("parallel_tool_calls", parallelToolCalls);
		}

		/**
		 * Sets streaming options, used by the stream operations. Unset, the stream
		 * operations ask for the usage chunk.
		 * @param streamOptions the options
		 * @return this builder
		 */
		public Builder streamOptions(@Nullable StreamOptions streamOptions) {
			return set("stream_options", streamOptions);
		}

		/**
		 * Sets moderation of input and output.
		 * @param moderation the moderation options
		 * @return this builder
		 */
		public Builder moderation(@Nullable ModerationOptions moderation) {
			return set("moderation", moderation);
		}

		/**
		 * Sends a field this library has no setter for yet, as is.
		 * @param name the wire name
		 * @param value any value the JSON mapper can write, or {@code null} to remove it
		 * @return this builder
		 * @throws IllegalArgumentException if the field has a setter of its own, or is
		 * {@code stream}
		 */
		public Builder extraBody(String name, @Nullable Object value) {
			Assert.hasText(name, "name must not be empty");
			Assert.isTrue(!KNOWN.contains(name), () -> "'" + name + "' has a builder method of its own");
			Assert.isTrue(!"stream".equals(name), "choose streaming with the stream operations, not a field");
			return set(name, value);
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException if there are no messages
		 */
		public ChatCompletionRequest build() {
			Object messages = this.body.get("messages");
			Assert.isTrue(messages instanceof List<?> list && !list.isEmpty(), "messages must not be empty");
			return new ChatCompletionRequest(new LinkedHashMap<>(this.body));
		}

	}

}
