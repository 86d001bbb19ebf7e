package io.github.openaistarter.chat.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A message of the assistant ({@code role: "assistant"}): the answer in a
 * {@link ChatCompletion}, and the same object sent back as part of the conversation. When
 * sent, it carries what a request accepts (content, refusal, name, tool calls, the audio
 * id) and leaves out what only answers carry (annotations, audio data,
 * {@link #additionalProperties()}). Read directly (as in a completion's choice) it needs
 * no {@code role}, so answers of OpenAI-compatible servers that leave it out are read
 * too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
@JsonPropertyOrder({ "role", "content", "refusal", "name", "audio", "tool_calls", "function_call" })
public final class AssistantMessage implements ChatMessage {

	static final String ROLE = "assistant";

	private final @Nullable MessageContent content;

	private final @Nullable String refusal;

	private final @Nullable String name;

	private final @Nullable AssistantAudio audio;

	private final List<ToolCall> toolCalls;

	private final List<Annotation> annotations;

	private final @Nullable FunctionCall functionCall;

	private final Map<String, Object> additionalProperties;

	private AssistantMessage(Builder builder) {
		this.content = builder.content;
		this.refusal = builder.refusal;
		this.name = builder.name;
		this.audio = builder.audio;
		this.toolCalls = Immutables.list(builder.toolCalls);
		this.annotations = Immutables.list(builder.annotations);
		this.functionCall = builder.functionCall;
		this.additionalProperties = Immutables.map(builder.additionalProperties);
	}

	@JsonCreator
	static AssistantMessage fromJson(@JsonProperty("role") @Nullable String role,
			@JsonProperty("content") @JsonDeserialize(
					using = MessageContent.Deserializer.class) @Nullable Object content,
			@JsonProperty("refusal") @Nullable String refusal, @JsonProperty("name") @Nullable String name,
			@JsonProperty("audio") @Nullable AssistantAudio audio,
			@JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls,
			@JsonProperty("annotations") @Nullable List<Annotation> annotations,
			@JsonProperty("function_call") @Nullable FunctionCall functionCall,
			@JsonAnySetter @Nullable Map<String, Object> additionalProperties) {
		Builder builder = builder().refusal(refusal).name(name).audio(audio).functionCall(functionCall);
		builder.content = (content != null) ? MessageContent.from(content) : null;
		builder.toolCalls = (toolCalls != null) ? toolCalls : List.of();
		builder.annotations = (annotations != null) ? annotations : List.of();
		builder.additionalProperties = (additionalProperties != null) ? additionalProperties : Map.of();
		return builder.build();
	}

	/**
	 * An assistant message with text content.
	 * @param text the text
	 * @return the message
	 */
	public static AssistantMessage of(String text) {
		return builder().content(text).build();
	}

	/**
	 * Starts building an assistant message.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns a builder initialised with this message, to derive a changed copy.
	 * @return a builder
	 */
	public Builder mutate() {
		Builder builder = new Builder();
		builder.content = this.content;
		builder.refusal = this.refusal;
		builder.name = this.name;
		builder.audio = this.audio;
		builder.toolCalls = this.toolCalls;
		builder.annotations = this.annotations;
		builder.functionCall = this.functionCall;
		builder.additionalProperties = this.additionalProperties;
		return builder;
	}

	@Override
	public String role() {
		return ROLE;
	}

	/**
	 * The content as sent: a {@code String}, a {@code List<ContentPart>}, or {@code null}
	 * (for example when the assistant only called tools). Use {@link #text()} for the
	 * text.
	 * @return the content, or {@code null}
	 */
	@JsonProperty("content")
	public @Nullable Object content() {
		return (this.content != null) ? this.content.json() : null;
	}

	@Override
	public String text() {
		return (this.content != null) ? this.content.text() : "";
	}

	/**
	 * The refusal, when the model declined to answer.
	 * @return the refusal text, or {@code null}
	 */
	@JsonProperty("refusal")
	public @Nullable String refusal() {
		return this.refusal;
	}

	/**
	 * An optional participant name.
	 * @return the name, or {@code null}
	 */
	@JsonProperty("name")
	public @Nullable String name() {
		return this.name;
	}

	/**
	 * Audio of the answer, when audio output was requested. Sent back as its id only.
	 * @return the audio, or {@code null}
	 */
	@JsonProperty("audio")
	@JsonIgnoreProperties(value = { "expires_at", "data", "transcript" }, allowSetters = true)
	public @Nullable AssistantAudio audio() {
		return this.audio;
	}

	/**
	 * The tools the assistant asked to call.
	 * @return the tool calls, empty when none
	 */
	@JsonProperty("tool_calls")
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public List<ToolCall> toolCalls() {
		return this.toolCalls;
	}

	/**
	 * Annotations of the answer, such as web search citations. Not sent back.
	 * @return the annotations, empty when none
	 */
	@JsonProperty(value = "annotations", access = JsonProperty.Access.WRITE_ONLY)
	public List<Annotation> annotations() {
		return this.annotations;
	}

	/**
	 * The function call of the deprecated {@code functions} API.
	 * @return the function call, or {@code null}
	 * @deprecated use {@link #toolCalls()}
	 */
	@Deprecated
	@JsonProperty("function_call")
	public @Nullable FunctionCall functionCall() {
		return this.functionCall;
	}

	/**
	 * Fields of the answer this library does not model yet. Not sent back.
	 * @return the fields, empty when none
	 */
	public Map<String, Object> additionalProperties() {
		return this.additionalProperties;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof AssistantMessage that && Objects.equals(this.content, that.content)
				&& Objects.equals(this.refusal, that.refusal) && Objects.equals(this.name, that.name)
				&& Objects.equals(this.audio, that.audio) && this.toolCalls.equals(that.toolCalls)
				&& this.annotations.equals(that.annotations) && Objects.equals(this.functionCall, that.functionCall)
				&& this.additionalProperties.equals(that.additionalProperties);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.content, this.refusal, this.name, this.audio, this.toolCalls, this.annotations,
				this.functionCall, this.additionalProperties);
	}

	@Override
	public String toString() {
		return "AssistantMessage[content=" + this.content + ", refusal=" + this.refusal + ", toolCalls="
				+ this.toolCalls + "]";
	}

	/**
	 * Builds an {@link AssistantMessage}.
	 */
	public static final class Builder {

		private @Nullable MessageContent content;

		private @Nullable String refusal;

		private @Nullable String name;

		private @Nullable AssistantAudio audio;

		private List<ToolCall> toolCalls = new ArrayList<>();

		private List<Annotation> annotations = List.of();

		private @Nullable FunctionCall functionCall;

		private Map<String, Object> additionalProperties = Map.of();

		private Builder() {
		}

		/**
		 * Sets text content.
		 * @param text the text, or {@code null} for none
		 * @return this builder
		 */
		public Builder content(@Nullable String text) {
			this.content = (text != null) ? MessageContent.of(text) : null;
			return this;
		}

		/**
		 * Sets content parts (text and refusal parts).
		 * @param parts the parts
		 * @return this builder
		 */
		public Builder content(List<? extends ContentPart> parts) {
			this.content = MessageContent.of(parts);
			return this;
		}

		/**
		 * Sets the refusal.
		 * @param refusal the refusal text, or {@code null}
		 * @return this builder
		 */
		public Builder refusal(@Nullable String refusal) {
			this.refusal = refusal;
			return this;
		}

		/**
		 * Sets a participant name.
		 * @param name the name, or {@code null}
		 * @return this builder
		 */
		public Builder name(@Nullable String name) {
			this.name = name;
			return this;
		}

		/**
		 * Refers to audio of an earlier answer.
		 * @param audio the audio (only its id is sent), or {@code null}
		 * @return this builder
		 */
		public Builder audio(@Nullable AssistantAudio audio) {
			this.audio = audio;
			return this;
		}

		/**
		 * Sets the tool calls.
		 * @param toolCalls the tool calls
		 * @return this builder
		 */
		public Builder toolCalls(List<ToolCall> toolCalls) {
			this.toolCalls = new ArrayList<>(toolCalls);
			return this;
		}

		/**
		 * Adds a tool call.
		 * @param toolCall the tool call
		 * @return this builder
		 */
		public Builder toolCall(ToolCall toolCall) {
			this.toolCalls = new ArrayList<>(this.toolCalls);
			this.toolCalls.add(toolCall);
			return this;
		}

		/**
		 * Sets the annotations (as read from an answer; they are not sent).
		 * @param annotations the annotations
		 * @return this builder
		 */
		public Builder annotations(List<Annotation> annotations) {
			this.annotations = annotations;
			return this;
		}

		/**
		 * Sets the function call of the deprecated {@code functions} API.
		 * @param functionCall the function call, or {@code null}
		 * @return this builder
		 * @deprecated use {@link #toolCalls(List)}
		 */
		@Deprecated
		public Builder functionCall(@Nullable FunctionCall functionCall) {
			this.functionCall = functionCall;
			return this;
		}

		/**
		 * Builds the message.
		 * @return the message
		 */
		public AssistantMessage build() {
			return new AssistantMessage(this);
		}

	}

}
