package io.github.openaistarter.samples.chatweb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChunkChoice;
import io.github.openaistarter.chat.model.ToolCallDelta;
import org.jspecify.annotations.Nullable;

/**
 * The tool calls of one answer of the model as their fragments stream in (the first
 * fragment of a call has its id and name, the next ones pieces of its arguments, keyed by
 * the call's index): a call is shown as soon as its name arrives, then again with its
 * arguments once they are complete, that is when the next call starts or the answer ends.
 * Not thread-safe: a stream delivers its chunks one at a time.
 */
final class StreamedToolCalls {

	private final Map<Integer, Call> calls = new LinkedHashMap<>();

	/**
	 * Adds a chunk of the answer.
	 * @param chunk the chunk
	 * @return the calls to show now: those it starts, and those it completes with their
	 * arguments
	 */
	List<ToolCallShown> add(ChatCompletionChunk chunk) {
		List<ToolCallShown> shown = new ArrayList<>();
		for (ChunkChoice choice : chunk.choices()) {
			if (choice.index() != 0) {
				continue;
			}
			for (ToolCallDelta fragment : choice.delta().toolCalls()) {
				Call call = this.calls.get(fragment.index());
				if (call == null) {
					shown.addAll(finish());
					call = new Call();
					this.calls.put(fragment.index(), call);
				}
				if (call.add(fragment)) {
					shown.add(call.shown(null));
				}
			}
			if (choice.finishReason() != null) {
				shown.addAll(finish());
			}
		}
		return shown;
	}

	/**
	 * Completes the calls whose arguments were not shown yet, when the answer has ended.
	 * @return those calls, with their arguments
	 */
	List<ToolCallShown> finish() {
		List<ToolCallShown> shown = new ArrayList<>();
		for (Call call : this.calls.values()) {
			if (call.name != null && !call.complete) {
				call.complete = true;
				shown.add(call.shown(call.arguments.toString()));
			}
		}
		return shown;
	}

	/**
	 * A tool call to show.
	 *
	 * @param id the call's id
	 * @param name the tool's name
	 * @param arguments its arguments as the model wrote them (a JSON object), or
	 * {@code null} while they stream in
	 */
	record ToolCallShown(String id, String name, @Nullable String arguments) {

	}

	private static final class Call {

		private @Nullable String id;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		private boolean complete;

		/**
		 * Adds a fragment.
		 * @return whether it brought the call's name, so the call can be shown
		 */
		boolean add(ToolCallDelta fragment) {
			boolean named = this.name == null && fragment.function() != null && fragment.function().name() != null;
			if (fragment.id() != null) {
				this.id = fragment.id();
			}
			if (fragment.function() != null) {
				if (named) {
					this.name = fragment.function().name();
				}
				if (fragment.function().arguments() != null) {
					this.arguments.append(fragment.function().arguments());
				}
			}
			return named;
		}

		ToolCallShown shown(@Nullable String arguments) {
			return new ToolCallShown((this.id != null) ? this.id : "", (this.name != null) ? this.name : "", arguments);
		}

	}

}
