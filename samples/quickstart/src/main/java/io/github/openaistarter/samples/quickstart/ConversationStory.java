package io.github.openaistarter.samples.quickstart;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.core.NotFoundException;

/**
 * The tour of the Chat Completions API: a conversation (create, append the answer, ask
 * again), a streamed answer, then the life of a stored completion (retrieve, update its
 * metadata, find it by metadata, read its messages, delete it).
 */
class ConversationStory {

	private final ChatCompletionsOperations chat;

	private final PrintStream out;

	ConversationStory(ChatCompletionsOperations chat, PrintStream out) {
		this.chat = chat;
		this.out = out;
	}

	void run() {
		String run = UUID.randomUUID().toString();
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(ChatMessage.system("You are a concise astronomy guide."));
		messages.add(ChatMessage.user("Name one planet of the solar system."));

		// 1. Create a completion, stored with metadata so it can be found again.
		ChatCompletion first = this.chat.create(ChatCompletionRequest.builder()
			.messages(messages)
			.store(true)
			.metadata(Map.of("sample", "quickstart", "run", run))
			.build());
		this.out.println("assistant: " + first.text());

		// 2. Continue the conversation: append the answer, ask a follow-up.
		messages.add(first.message());
		messages.add(ChatMessage.user("And its largest moon?"));
		ChatCompletion second = this.chat.create(messages);
		this.out.println("assistant: " + second.text());

		// 3. Stream an answer, printing chunks as they arrive.
		messages.add(second.message());
		messages.add(ChatMessage.user("Describe that moon in one sentence."));
		this.out.print("assistant (streamed): ");
		ChatCompletion streamed = this.chat.stream(ChatCompletionRequest.of(messages),
				(chunk) -> this.out.print(chunk.text()));
		this.out.println();
		this.out.println("  tokens used: " + ((streamed.usage() != null) ? streamed.usage().totalTokens() : "n/a"));

		// 4. The stored completion: retrieve, update metadata, list by metadata, list
		// messages, delete.
		String id = first.id();
		ChatCompletion stored = eventually(() -> this.chat.retrieve(id));
		this.out.println("retrieved " + stored.id() + " with metadata " + stored.metadata());
		ChatCompletion updated = this.chat.update(id, Map.of("sample", "quickstart", "run", run, "reviewed", "yes"));
		this.out.println("updated metadata: " + updated.metadata());
		ListChatCompletionsParams filter = ListChatCompletionsParams.builder()
			.metadata("run", run)
			.metadata("reviewed", "yes")
			.build();
		Page<ChatCompletion> found = eventually(() -> this.chat.list(filter), (page) -> !page.data().isEmpty());
		this.out.println("found by metadata: " + found.data().stream().map(ChatCompletion::id).toList());
		for (StoredMessage message : this.chat.listMessages(id).data()) {
			this.out.println("  stored " + message.role() + ": " + message.text());
		}
		this.out.println("deleted: " + this.chat.delete(id).deleted());
	}

	/** Stored completions can take a moment to become readable on OpenAI's side. */
	private static <T> T eventually(Supplier<T> call) {
		return eventually(call, (result) -> true);
	}

	private static <T> T eventually(Supplier<T> call, Predicate<T> ready) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			try {
				T result = call.get();
				if (ready.test(result) || System.nanoTime() > deadline) {
					return result;
				}
			}
			catch (NotFoundException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
			}
			sleep(Duration.ofMillis(500));
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the stored completion", ex);
		}
	}

}
