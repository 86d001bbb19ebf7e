package io.github.openaistarter.samples.chatweb;

import java.util.Map;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.core.OpenAiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stored-completions page's endpoints, in the blocking style: each method calls
 * OpenAI and waits, as any Spring MVC code would. {@code withResponse()} hands over the
 * response metadata with each result, for the timings of the status strip.
 */
@RestController
@RequestMapping("/api/completions")
class StoredCompletionsController {

	static final int PAGE_SIZE = 10;

	private final ChatCompletionsOperations chat;

	StoredCompletionsController(ChatCompletionsOperations chat) {
		this.chat = chat;
	}

	/**
	 * Lists stored completions, newest first, a page at a time.
	 * @param after the id of the last completion of the previous page, or {@code null}
	 * for the first page
	 * @param key a metadata key to filter by, or {@code null}
	 * @param value the value the key must have
	 * @return the page
	 */
	@GetMapping
	Timed<CompletionPage> list(@RequestParam(required = false) @Nullable String after,
			@RequestParam(required = false) @Nullable String key, @RequestParam(defaultValue = "") String value) {
		ListChatCompletionsParams.Builder params = ListChatCompletionsParams.builder()
			.after(StringUtils.hasText(after) ? after : null)
			.limit(PAGE_SIZE)
			.order(SortOrder.DESC);
		if (StringUtils.hasText(key)) {
			params.metadata(key.strip(), value.strip());
		}
		long start = System.nanoTime();
		OpenAiResponse<Page<ChatCompletion>> response = this.chat.withResponse().list(params.build());
		Page<ChatCompletion> page = response.body();
		return Timed.of(new CompletionPage(page.data().stream().map(CompletionSummary::of).toList(), page.hasMore(),
				page.lastId()), CallTiming.since("list", start, response.metadata()));
	}

	/**
	 * Opens a stored completion: the completion, then the messages it answered.
	 * @param id the completion id
	 * @return the completion and its messages
	 */
	@GetMapping("/{id}")
	Timed<CompletionDetails> open(@PathVariable String id) {
		long start = System.nanoTime();
		OpenAiResponse<ChatCompletion> completion = this.chat.withResponse().retrieve(id);
		CallTiming retrieved = CallTiming.since("retrieve", start, completion.metadata());
		start = System.nanoTime();
		OpenAiResponse<Page<StoredMessage>> messages = this.chat.withResponse()
			.listMessages(id, ListMessagesParams.builder().limit(100).build());
		CallTiming listed = CallTiming.since("list messages", start, messages.metadata());
		return Timed.of(new CompletionDetails(CompletionSummary.of(completion.body()),
				messages.body()
					.data()
					.stream()
					.map((message) -> new CompletionDetails.Message(String.valueOf(message.role()), message.text()))
					.toList()),
				retrieved, listed);
	}

	/**
	 * Replaces the metadata of a stored completion.
	 * @param id the completion id
	 * @param metadata the new metadata: at most 16 pairs, keys up to 64 characters,
	 * values up to 512
	 * @return the updated completion
	 */
	@PutMapping("/{id}/metadata")
	Timed<CompletionSummary> updateMetadata(@PathVariable String id, @RequestBody Map<String, String> metadata) {
		long start = System.nanoTime();
		OpenAiResponse<ChatCompletion> response = this.chat.withResponse().update(id, metadata);
		return Timed.of(CompletionSummary.of(response.body()), CallTiming.since("update", start, response.metadata()));
	}

	/**
	 * Deletes a stored completion.
	 * @param id the completion id
	 * @return OpenAI's confirmation
	 */
	@DeleteMapping("/{id}")
	Timed<ChatCompletionDeleted> delete(@PathVariable String id) {
		long start = System.nanoTime();
		OpenAiResponse<ChatCompletionDeleted> response = this.chat.withResponse().delete(id);
		return Timed.of(response.body(), CallTiming.since("delete", start, response.metadata()));
	}

}
