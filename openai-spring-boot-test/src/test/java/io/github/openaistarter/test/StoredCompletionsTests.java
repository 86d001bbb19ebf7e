package io.github.openaistarter.test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ContentPart;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.core.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stored completions ({@code store: true}): retrieve, update, delete, list and list
 * messages, through the real client.
 */
@ExtendWith(OpenAiFakeExtension.class)
class StoredCompletionsTests {

	private final OpenAiFakeServer fake;

	private final ChatCompletionsOperations chat;

	StoredCompletionsTests(OpenAiFakeServer fake) {
		this.fake = fake;
		this.chat = Clients.chat(fake);
	}

	@Test
	void keepsOnlyCompletionsCreatedWithStore() {
		ChatCompletion kept = store("kept", Map.of());
		ChatCompletion forgotten = this.chat.create(List.of(ChatMessage.user("forgotten")));
		assertThat(this.chat.retrieve(kept.id()).text()).isEqualTo("echo: kept");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.retrieve(forgotten.id()))
			.satisfies((ex) -> {
				assertThat(ex.errorType()).isEqualTo("invalid_request_error");
				assertThat(ex.errorMessage()).contains(forgotten.id());
			});
		assertThat(this.chat.list().data()).extracting(ChatCompletion::id).containsExactly(kept.id());
	}

	@Test
	void retrievesUpdatesAndDeletes() {
		ChatCompletion created = store("hello", Map.of("topic", "greeting", "user", "ann"));
		ChatCompletion retrieved = this.chat.retrieve(created.id());
		assertThat(retrieved.id()).isEqualTo(created.id());
		assertThat(retrieved.usage()).isEqualTo(created.usage());
		assertThat(retrieved.metadata()).isEqualTo(Map.of("topic", "greeting", "user", "ann"));

		ChatCompletion updated = this.chat.update(created.id(), Map.of("topic", "farewell"));
		assertThat(updated.metadata()).isEqualTo(Map.of("topic", "farewell"));
		assertThat(this.fake.lastRequest().body()).isEqualTo("{\"metadata\":{\"topic\":\"farewell\"}}");
		assertThat(this.chat.retrieve(created.id()).metadata()).isEqualTo(Map.of("topic", "farewell"));

		ChatCompletionDeleted deleted = this.chat.delete(created.id());
		assertThat(deleted.object()).isEqualTo("chat.completion.deleted");
		assertThat(deleted.id()).isEqualTo(created.id());
		assertThat(deleted.deleted()).isTrue();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.retrieve(created.id()));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.delete(created.id()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.chat.update(created.id(), Map.of("a", "b")));
	}

	@Test
	void pagesTheListWithAfterLimitAndOrder() {
		List<String> ids = IntStream.range(0, 5).mapToObj((i) -> store("m" + i, Map.of()).id()).toList();
		ListChatCompletionsParams byTwo = ListChatCompletionsParams.builder().limit(2).build();
		Page<ChatCompletion> first = this.chat.list(byTwo);
		assertThat(first.object()).isEqualTo("list");
		assertThat(first.data()).extracting(ChatCompletion::id).containsExactly(ids.get(0), ids.get(1));
		assertThat(first.firstId()).isEqualTo(ids.get(0));
		assertThat(first.lastId()).isEqualTo(ids.get(1));
		assertThat(first.hasMore()).isTrue();
		Page<ChatCompletion> second = this.chat.list(byTwo.withAfter(first.lastId()));
		assertThat(second.data()).extracting(ChatCompletion::id).containsExactly(ids.get(2), ids.get(3));
		Page<ChatCompletion> last = this.chat.list(byTwo.withAfter(second.lastId()));
		assertThat(last.data()).extracting(ChatCompletion::id).containsExactly(ids.get(4));
		assertThat(last.hasMore()).isFalse();

		ListChatCompletionsParams newestFirst = ListChatCompletionsParams.builder()
			.limit(3)
			.order(SortOrder.DESC)
			.build();
		Page<ChatCompletion> newest = this.chat.list(newestFirst);
		assertThat(newest.data()).extracting(ChatCompletion::id).containsExactly(ids.get(4), ids.get(3), ids.get(2));
		Page<ChatCompletion> older = this.chat.list(newestFirst.withAfter(newest.lastId()));
		assertThat(older.data()).extracting(ChatCompletion::id).containsExactly(ids.get(1), ids.get(0));

		assertThat(this.chat.listAll(byTwo).map(ChatCompletion::id)).containsExactlyElementsOf(ids);
		assertThat(this.fake.requests()
			.stream()
			.filter((request) -> request.method().equals("GET"))
			.toList()
			.subList(5, 8)).extracting((request) -> request.queryParameter("after"))
			.containsExactly(null, ids.get(1), ids.get(3));
	}

	@Test
	void listsTwentyByDefault() {
		IntStream.range(0, 21).forEach((i) -> store("m" + i, Map.of()));
		Page<ChatCompletion> page = this.chat.list();
		assertThat(page.data()).hasSize(20);
		assertThat(page.hasMore()).isTrue();
	}

	@Test
	void answersAnEmptyPageWithNullIds() {
		Page<ChatCompletion> page = this.chat.list();
		assertThat(page.data()).isEmpty();
		assertThat(page.firstId()).isNull();
		assertThat(page.lastId()).isNull();
		assertThat(page.hasMore()).isFalse();
	}

	@Test
	void filtersByModel() {
		ChatCompletion mini = store("a", Map.of());
		this.chat
			.create(ChatCompletionRequest.builder().model("gpt-4o").message(ChatMessage.user("b")).store(true).build());
		assertThat(this.chat.list(ListChatCompletionsParams.builder().model(Clients.MODEL).build()).data())
			.extracting(ChatCompletion::id)
			.containsExactly(mini.id());
	}

	@Test
	void filtersByEveryMetadataPair() {
		Map<String, String> tricky = Map.of("topic", "billing & tax", "query", "a=b&c=d", "name", "Zoë Émile", "plus",
				"1+1 %20");
		ChatCompletion match = store("a", tricky);
		store("b", Map.of("topic", "billing & tax"));
		store("c", Map.of("topic", "billing"));
		Page<ChatCompletion> page = this.chat.list(ListChatCompletionsParams.builder().metadata(tricky).build());
		assertThat(page.data()).extracting(ChatCompletion::id).containsExactly(match.id());
		RecordedRequest list = this.fake.lastRequest();
		assertThat(list.queryParameters()).containsEntry("metadata[topic]", List.of("billing & tax"))
			.containsEntry("metadata[query]", List.of("a=b&c=d"))
			.containsEntry("metadata[name]", List.of("Zoë Émile"))
			.containsEntry("metadata[plus]", List.of("1+1 %20"))
			.hasSize(4);
		ListChatCompletionsParams billing = ListChatCompletionsParams.builder()
			.metadata("topic", "billing & tax")
			.build();
		assertThat(this.chat.list(billing).data()).hasSize(2);
		assertThat(this.chat.list(ListChatCompletionsParams.builder().metadata("topic", "nothing").build()).data())
			.isEmpty();
	}

	@Test
	void listsTheInputMessages() {
		ChatCompletion completion = this.chat.create(ChatCompletionRequest.builder()
			.message(ChatMessage.system("Be brief."))
			.message(ChatMessage.user(ContentPart.text("What is in"), ContentPart.text("this picture?"),
					ContentPart.imageUrl("https://example.com/cat.png")))
			.message(ChatMessage.assistant("A cat."))
			.message(ChatMessage.user("Sure?").withName("ann"))
			.store(true)
			.build());
		Page<StoredMessage> page = this.chat.listMessages(completion.id());
		assertThat(page.data()).extracting(StoredMessage::id)
			.containsExactly(completion.id() + "-0", completion.id() + "-1", completion.id() + "-2",
					completion.id() + "-3");
		assertThat(page.data()).extracting(StoredMessage::role).containsExactly("system", "user", "assistant", "user");
		assertThat(page.data()).extracting(StoredMessage::content)
			.containsExactly("Be brief.", "What is in this picture?", "A cat.", "Sure?");
		assertThat(page.data().get(0).contentParts()).isNull();
		assertThat(page.data().get(1).contentParts()).hasSize(3);
		assertThat(page.data().get(3).name()).isEqualTo("ann");
		assertThat(page.hasMore()).isFalse();

		Page<StoredMessage> newest = this.chat.listMessages(completion.id(),
				ListMessagesParams.builder().limit(2).order(SortOrder.DESC).build());
		assertThat(newest.data()).extracting(StoredMessage::content).containsExactly("Sure?", "A cat.");
		assertThat(newest.hasMore()).isTrue();
		Page<StoredMessage> next = this.chat.listMessages(completion.id(),
				ListMessagesParams.builder().limit(2).order(SortOrder.DESC).after(newest.lastId()).build());
		assertThat(next.data()).extracting(StoredMessage::role).containsExactly("user", "system");
		assertThat(next.hasMore()).isFalse();
		assertThat(this.chat.listAllMessages(completion.id(), ListMessagesParams.builder().limit(1).build()))
			.hasSize(4);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.listMessages("chatcmpl-nope"));
	}

	@Test
	void keepsConcurrentCompletionsApart() {
		List<String> ids = IntStream.range(0, 16)
			.parallel()
			.mapToObj((i) -> store("m" + i, Map.of("i", "" + i)).id())
			.toList();
		assertThat(this.chat.listAll(ListChatCompletionsParams.builder().limit(5).build()).map(ChatCompletion::id))
			.containsExactlyInAnyOrderElementsOf(ids);
	}

	private ChatCompletion store(String text, Map<String, String> metadata) {
		return this.chat.create(
				ChatCompletionRequest.builder().message(ChatMessage.user(text)).store(true).metadata(metadata).build());
	}

}
