package io.github.openaistarter.chat.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.AssistantMessage;
import io.github.openaistarter.chat.model.Choice;
import io.github.openaistarter.chat.model.ChunkChoice;
import io.github.openaistarter.chat.model.ChunkDelta;
import io.github.openaistarter.chat.model.CustomToolCall;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.FunctionCall;
import io.github.openaistarter.chat.model.Logprobs;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolCallDelta;

/**
 * Accumulates the fragments of one choice of a stream.
 */
final class ChoiceAccumulator {

	private final int index;

	private final Fragments content = new Fragments();

	private final Fragments refusal = new Fragments();

	private final Map<Integer, ToolCallAccumulator> toolCalls = new TreeMap<>();

	private final Fragments functionName = new Fragments();

	private final Fragments functionArguments = new Fragments();

	private @Nullable FinishReason finishReason;

	private @Nullable List<Logprobs.TokenLogprob> contentLogprobs;

	private @Nullable List<Logprobs.TokenLogprob> refusalLogprobs;

	ChoiceAccumulator(int index) {
		this.index = index;
	}

	void add(ChunkChoice choice) {
		ChunkDelta delta = choice.delta();
		this.content.add(delta.content());
		this.refusal.add(delta.refusal());
		for (ToolCallDelta toolCall : delta.toolCalls()) {
			this.toolCalls.computeIfAbsent(toolCall.index(), (i) -> new ToolCallAccumulator()).add(toolCall);
		}
		if (delta.functionCall() != null) {
			this.functionName.add(delta.functionCall().name());
			this.functionArguments.add(delta.functionCall().arguments());
		}
		if (choice.finishReason() != null) {
			this.finishReason = choice.finishReason();
		}
		if (choice.logprobs() != null) {
			this.contentLogprobs = append(this.contentLogprobs, choice.logprobs().content());
			this.refusalLogprobs = append(this.refusalLogprobs, choice.logprobs().refusal());
		}
	}

	@SuppressWarnings("deprecation")
	Choice toChoice() {
		List<ToolCall> calls = new ArrayList<>(this.toolCalls.size());
		this.toolCalls.values().forEach((call) -> calls.add(call.toToolCall()));
		AssistantMessage message = AssistantMessage.builder()
			.content(this.content.text())
			.refusal(this.refusal.text())
			.toolCalls(calls)
			.functionCall(this.functionName.isEmpty() && this.functionArguments.isEmpty() ? null
					: new FunctionCall(this.functionName.text(), this.functionArguments.text()))
			.build();
		Logprobs logprobs = (this.contentLogprobs != null || this.refusalLogprobs != null)
				? new Logprobs(this.contentLogprobs, this.refusalLogprobs) : null;
		return new Choice(this.index, message, this.finishReason, logprobs, Map.of());
	}

	private static <T> @Nullable List<T> append(@Nullable List<T> sum, @Nullable List<T> more) {
		if (more == null) {
			return sum;
		}
		List<T> result = (sum != null) ? sum : new ArrayList<>();
		result.addAll(more);
		return result;
	}

	/**
	 * Merges the fragments of one tool call: a function's name and arguments, or a custom
	 * tool's name and input.
	 */
	private static final class ToolCallAccumulator {

		private @Nullable String id;

		private @Nullable String type;

		private final Fragments name = new Fragments();

		private final Fragments arguments = new Fragments();

		private boolean custom;

		void add(ToolCallDelta delta) {
			this.id = (delta.id() != null) ? delta.id() : this.id;
			this.type = (delta.type() != null) ? delta.type() : this.type;
			if (delta.function() != null) {
				this.name.add(delta.function().name());
				this.arguments.add(delta.function().arguments());
			}
			if (delta.custom() != null) {
				this.custom = true;
				this.name.add(delta.custom().name());
				this.arguments.add(delta.custom().input());
			}
		}

		ToolCall toToolCall() {
			String id = (this.id != null) ? this.id : "";
			String text = (this.arguments.text() != null) ? this.arguments.text() : "";
			if (this.custom || "custom".equals(this.type)) {
				return new ToolCall(id, "custom", null, new CustomToolCall(this.name.text(), text));
			}
			return new ToolCall(id, (this.type != null) ? this.type : "function",
					new FunctionCall(this.name.text(), text), null);
		}

	}

	/**
	 * Text arriving in pieces; {@code null} until the first piece.
	 */
	private static final class Fragments {

		private @Nullable StringBuilder text;

		void add(@Nullable String piece) {
			if (piece != null) {
				if (this.text == null) {
					this.text = new StringBuilder(piece.length() * 16);
				}
				this.text.append(piece);
			}
		}

		boolean isEmpty() {
			return this.text == null;
		}

		@Nullable String text() {
			return (this.text != null) ? this.text.toString() : null;
		}

	}

}
