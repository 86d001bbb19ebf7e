package io.github.openaistarter.samples.chatweb;

import java.util.List;

import io.github.openaistarter.chat.ReactiveChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatMessage;
import reactor.core.publisher.Mono;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The extract panel's endpoint: structured outputs with the reactive bean. One call sends
 * {@link Contact}'s strict JSON schema and reads the answer back into a {@code Contact};
 * an answer that was refused, cut off or does not fit fails with a typed exception, which
 * {@link OpenAiErrorHandler} turns into a problem detail.
 */
@RestController
class ExtractController {

	private static final String INSTRUCTIONS = "Extract the contact who wrote the user's text."
			+ " Use null for what the text does not say.";

	private final ReactiveChatCompletionsOperations chat;

	ExtractController(ReactiveChatCompletionsOperations chat) {
		this.chat = chat;
	}

	/**
	 * Reads a contact out of a text.
	 * @param request the text
	 * @return the contact, as JSON
	 */
	@PostMapping("/api/extract")
	Mono<Contact> extract(@RequestBody ExtractRequest request) {
		if (!StringUtils.hasText(request.text())) {
			throw new IllegalArgumentException("Paste a text to extract a contact from");
		}
		return this.chat.create(List.of(ChatMessage.system(INSTRUCTIONS), ChatMessage.user(request.text())),
				Contact.class);
	}

	/**
	 * What the extract panel sends.
	 *
	 * @param text the text to read the contact from
	 */
	record ExtractRequest(String text) {

	}

}
