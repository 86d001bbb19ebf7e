package io.github.openaistarter.samples.chatweb;

import java.util.ArrayList;
import java.util.List;

import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.core.OpenAiApiException;
import io.github.openaistarter.tool.ChatTools;
import io.github.openaistarter.tool.ToolLoop;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat page's endpoint, in the reactive style: the answer streams from OpenAI to the
 * browser chunk by chunk, with no thread waiting in between. The model may call the app's
 * tools (the auto-configured {@link ChatTools}: the {@link DemoTools} methods); each call
 * shows up as it streams in, the tools run, and the answer that reads their results
 * streams on.
 */
@RestController
class ChatController {

	private final ReactiveChatCompletionsOperations chat;

	private final ChatTools tools;

	ChatController(ReactiveChatCompletionsOperations chat, ChatTools tools) {
		this.chat = chat;
		this.tools = tools;
	}

	/**
	 * Answers the conversation with server-sent events: a {@code tool} event
	 * ({@link StreamedToolCalls.ToolCallShown}) when the model calls a tool, as soon as
	 * its name arrives, and again with its arguments once they are complete; a
	 * {@code chunk} event ({@code {"text": ...}}) per piece of text as it arrives; then a
	 * {@code done} event ({@link StreamedAnswer.Done}), or an {@code error} event
	 * ({@code {"message": ...}}) if the call fails.
	 * @param turn the conversation and the store settings
	 * @return the events
	 */
	@PostMapping(path = "/api/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> chat(@RequestBody ChatTurn turn) {
		return Flux.defer(() -> {
			ChatCompletionRequest request = turn.toRequest();
			StreamedAnswer answer = new StreamedAnswer();
			// chat.streamWithTools(request, tools) runs this same loop; fed with
			// withResponse().stream, each round
			// also brings its response's metadata (request id, OpenAI's processing time)
			// for the status strip
			return new ToolLoop(this.tools)
				.stream(request, (round) -> this.chat.withResponse().stream(round).map(answer::received))
				.concatMapIterable((chunk) -> events(answer.add(chunk)))
				.concatWith(Mono.fromSupplier(() -> event("done", answer.done(turn.store()))));
		}).onErrorResume((ex) -> Mono.just(event("error", Failure.of(ex))));
	}

	private static List<ServerSentEvent<Object>> events(StreamedAnswer.Progress progress) {
		List<ServerSentEvent<Object>> events = new ArrayList<>();
		progress.toolCalls().forEach((call) -> events.add(event("tool", call)));
		if (!progress.text().isEmpty()) {
			events.add(event("chunk", new Chunk(progress.text())));
		}
		return events;
	}

	private static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	/**
	 * A piece of the answer.
	 *
	 * @param text the text
	 */
	record Chunk(String text) {

	}

	/**
	 * Why the answer failed.
	 *
	 * @param message what went wrong
	 */
	record Failure(String message) {

		static Failure of(Throwable ex) {
			String message = (ex instanceof OpenAiApiException api && api.errorMessage() != null) ? api.errorMessage()
					: ex.getMessage();
			return new Failure((message != null) ? message : ex.getClass().getSimpleName());
		}

	}

}
