package io.github.openaistarter.samples.chatweb;

import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.core.OpenAiApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chat page's endpoint, in the reactive style: the answer streams from OpenAI to the browser chunk by chunk,
 * with no thread waiting in between.
 */
@RestController
class ChatController {

	private final ReactiveChatCompletionsOperations chat;

	ChatController(ReactiveChatCompletionsOperations chat) {
		this.chat = chat;
	}

	/**
	 * Answers the conversation with server-sent events: a {@code chunk} event ({@code {"text": ...}}) per piece of
	 * text as it arrives, then a {@code done} event ({@link StreamedAnswer.Done}), or an {@code error} event
	 * ({@code {"message": ...}}) if the call fails.
	 * @param turn the conversation and the store settings
	 * @return the events
	 */
	@PostMapping(path = "/api/chat", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> chat(@RequestBody ChatTurn turn) {
		return Flux.defer(() -> {
			ChatCompletionRequest request = turn.toRequest();
			StreamedAnswer answer = new StreamedAnswer();
			return this.chat.withResponse()
				.stream(request)
				.map(answer::add)
				.filter((text) -> !text.isEmpty())
				.map((text) -> event("chunk", new Chunk(text)))
				.concatWith(Mono.fromSupplier(() -> event("done", answer.done(turn.store()))));
		}).onErrorResume((ex) -> Mono.just(event("error", Failure.of(ex))));
	}

	private static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	/**
	 * A piece of the answer.
	 * @param text the text
	 */
	record Chunk(String text) {

	}

	/**
	 * Why the answer failed.
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
