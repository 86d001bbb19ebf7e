package io.github.openaistarter.samples.quickstart;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.AssistantMessage;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.ToolMessage;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.ToolConversation;

/**
 * Tools: one call runs the whole loop with the {@link TravelTools} methods. The model
 * asks for both tools in one answer, they run in parallel, their results go back to the
 * model, and it answers.
 */
class ToolsStory {

	private final ChatCompletionsOperations chat;

	private final ChatTools tools;

	private final PrintStream out;

	ToolsStory(ChatCompletionsOperations chat, ChatTools tools, PrintStream out) {
		this.chat = chat;
		this.tools = tools;
		this.out = out;
	}

	void run() {
		// 7. Tools: the prompt names both, so the model calls them in one answer; the
		// loop runs them and goes on.
		ToolConversation trip = this.chat.createWithTools(ChatCompletionRequest.of(List.of(ChatMessage
			.user("Call current_weather and local_time for Lisbon: is it a good moment for a walk by the river?"))),
				this.tools);
		printToolCalls(trip.messages());
		this.out
			.println("assistant (" + trip.rounds() + " rounds, " + trip.toolCalls() + " tool calls): " + trip.text());
	}

	/** Each answer that called tools, with the calls and what the tools returned. */
	private void printToolCalls(List<ChatMessage> conversation) {
		Map<String, String> results = new HashMap<>();
		for (ChatMessage message : conversation) {
			if (message instanceof ToolMessage result) {
				results.put(result.toolCallId(), result.text());
			}
		}
		int round = 0;
		for (ChatMessage message : conversation) {
			if (message instanceof AssistantMessage answer && !answer.toolCalls().isEmpty()) {
				round++;
				int calls = answer.toolCalls().size();
				this.out.println("tools, round " + round + ": " + calls
						+ ((calls > 1) ? " calls in one answer, run in parallel" : " call"));
				for (ToolCall call : answer.toolCalls()) {
					String name = (call.function() != null) ? call.function().name() : call.type();
					String arguments = (call.function() != null) ? call.function().arguments() : "";
					this.out.println("  " + name + " " + arguments + " -> " + results.get(call.id()));
				}
			}
		}
	}

}
