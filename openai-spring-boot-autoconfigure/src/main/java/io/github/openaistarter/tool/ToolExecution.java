package io.github.openaistarter.tool;

import java.util.List;
import java.util.concurrent.TimeoutException;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Mono;

import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.CustomToolCall;
import io.github.openaistarter.chat.model.FunctionCall;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolMessage;
import io.github.openaistarter.schema.TypeMismatchException;
import io.github.openaistarter.tool.ToolObservationDocumentation.Keys;

/**
 * Runs one tool call of the model's answer on the tools' scheduler, bounded by the
 * timeout and observed, and turns its outcome into the {@code tool} message that answers
 * it: the result, or (when failures are reported to the model) {@code "Error: ..."}.
 */
final class ToolExecution {

	private final ChatTools tools;

	ToolExecution(ChatTools tools) {
		this.tools = tools;
	}

	/**
	 * The message answering a call, once the tool has run.
	 * @param call the call
	 * @param parent the loop's observation
	 * @return the message; with {@link ToolErrorHandling#ABORT}, a {@link Failure} when
	 * the call failed
	 */
	Mono<ToolMessage> run(ToolCall call, Observation parent) {
		FunctionCall function = call.function();
		CustomToolCall custom = call.custom();
		String calledName = (function != null) ? function.name() : (custom != null) ? custom.name() : null;
		String name = (calledName != null) ? calledName : call.type();
		String calledArguments = (function != null) ? function.arguments() : null;
		String arguments = (calledArguments != null) ? calledArguments : "";
		ChatTool tool = (function != null) ? this.tools.get(name) : null;
		return Mono.defer(() -> {
			EndingObservation observation = new EndingObservation(observation(call, name, arguments, parent));
			Mono<String> result = (tool != null)
					? Mono.fromCallable(() -> call(tool, arguments, observation.observation()))
						.subscribeOn(this.tools.scheduler())
						.timeout(this.tools.toolTimeout(), this.tools.scheduler())
						// the loop goes on in a task of its own: cancelling the tool's
						// task, which interrupts
						// its thread, must not interrupt the next round's blocking call
						// running on that thread
						.publishOn(this.tools.scheduler())
					: Mono.error(new UnknownToolException(name, this.tools));
			return result
				.doOnNext((text) -> observation.succeeded(this.tools.includeContent()
						? KeyValues.of(Keys.TOOL_CALL_RESULT.withValue(text)) : KeyValues.empty()))
				.onErrorResume((failure) -> failed(call, name, observation, failure))
				.doOnCancel(observation::cancelled)
				.map((text) -> ToolMessage.of(call.id(), text));
		});
	}

	private static String call(ChatTool tool, String arguments, Observation observation) throws Exception {
		try (Observation.Scope scope = observation.openScope()) {
			return tool.call(arguments);
		}
	}

	private Observation observation(ToolCall call, String name, String arguments, Observation parent) {
		Observation observation = ToolObservationDocumentation.EXECUTE_TOOL
			.observation(this.tools.observationRegistry())
			.parentObservation(parent)
			.contextualName("execute_tool " + name)
			.lowCardinalityKeyValue(Keys.OPERATION_NAME.withValue("execute_tool"))
			.lowCardinalityKeyValue(Keys.TOOL_NAME.withValue(name))
			.lowCardinalityKeyValue(Keys.TOOL_TYPE.withValue(call.type()))
			.lowCardinalityKeyValue(Keys.ERROR_TYPE.withValue("none"))
			.highCardinalityKeyValue(Keys.TOOL_CALL_ID.withValue(call.id()));
		if (this.tools.includeContent()) {
			observation.highCardinalityKeyValue(Keys.TOOL_CALL_ARGUMENTS.withValue(arguments));
		}
		return observation;
	}

	private Mono<String> failed(ToolCall call, String name, EndingObservation observation, Throwable failure) {
		observation.failed(failure);
		if (this.tools.errorHandling() == ToolErrorHandling.ABORT) {
			return Mono.error(new Failure(name, call.id(), failure));
		}
		return Mono.just(errorText(failure));
	}

	/**
	 * What the model reads of a failure: enough to correct its call, nothing of the
	 * stack.
	 */
	private String errorText(Throwable failure) {
		if (failure instanceof TimeoutException) {
			return "Error: the tool did not answer within " + this.tools.toolTimeout().toMillis() + " ms";
		}
		if (failure instanceof TypeMismatchException mismatch) {
			return "Error: the arguments do not fit the tool's parameters: " + mismatch.getMessage();
		}
		if (failure instanceof UnknownToolException) {
			return "Error: " + failure.getMessage();
		}
		String message = failure.getMessage();
		return "Error: " + failure.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * A tool call that failed, with the loop stopping on failures; the loop adds the
	 * conversation.
	 */
	static final class Failure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String toolName;

		private final String toolCallId;

		private final Throwable failure;

		Failure(String toolName, String toolCallId, Throwable cause) {
			super(cause.getMessage(), cause, false, false);
			this.toolName = toolName;
			this.toolCallId = toolCallId;
			this.failure = cause;
		}

		ToolCallFailedException withConversation(List<ChatMessage> messages) {
			return new ToolCallFailedException(this.toolName, this.toolCallId, messages, this.failure);
		}

	}

	/**
	 * The model called a tool that is not among the conversation's tools.
	 */
	static final class UnknownToolException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnknownToolException(String name, ChatTools tools) {
			super("there is no tool named '" + name + "'; the tools are " + tools.names());
		}

	}

}
