package io.github.openaistarter.chat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.chat.model.StoredMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code listAll} and {@code listAllMessages} page walks over HTTP: one request per
 * page, each after the last id of the previous one, none after the last page, and none
 * before the items are needed.
 */
@Timeout(10)
class PagingHttpTests extends HttpTestSupport {

	private static final String ID = "chatcmpl-abc123";

	private static final List<String> COMPLETION_IDS = List.of("chatcmpl-page1a", "chatcmpl-page1b", "chatcmpl-page2a",
			"chatcmpl-page2b", "chatcmpl-page3a", "chatcmpl-page3b");

	private static final List<String> MESSAGE_IDS = List.of("chatcmpl-abc123-0", "chatcmpl-abc123-1",
			"chatcmpl-abc123-2", "chatcmpl-abc123-3", "chatcmpl-abc123-4", "chatcmpl-abc123-5");

	private static final ListChatCompletionsParams FILTER = ListChatCompletionsParams.builder()
		.limit(2)
		.order(SortOrder.ASC)
		.model("gpt-4.1-mini")
		.metadata("customer", "acme")
		.build();

	@Test
	void listAllWalksEveryPageAfterLastId() {
		enqueueCompletionPages();

		List<String> ids = this.chat.listAll(FILTER).map(ChatCompletion::id).toList();

		assertThat(ids).isEqualTo(COMPLETION_IDS);
		assertCompletionPageRequests();
	}

	@Test
	void reactiveListAllWalksEveryPageAfterLastId() {
		enqueueCompletionPages();

		StepVerifier.create(this.reactive.listAll(FILTER).map(ChatCompletion::id))
			.expectNextSequence(COMPLETION_IDS)
			.verifyComplete();
		assertCompletionPageRequests();
	}

	@Test
	void listAllMessagesWalksEveryPageAfterLastId() {
		enqueueMessagePages();

		List<String> ids = this.chat.listAllMessages(ID, ListMessagesParams.builder().limit(2).build())
			.map(StoredMessage::id)
			.toList();

		assertThat(ids).isEqualTo(MESSAGE_IDS);
		assertMessagePageRequests();
	}

	@Test
	void reactiveListAllMessagesWalksEveryPageAfterLastId() {
		enqueueMessagePages();

		StepVerifier
			.create(this.reactive.listAllMessages(ID, ListMessagesParams.builder().limit(2).build())
				.map(StoredMessage::id))
			.expectNextSequence(MESSAGE_IDS)
			.verifyComplete();
		assertMessagePageRequests();
	}

	@Test
	void walkStartsAfterTheGivenCursor() {
		enqueueJsonFixture("completions-page-3.json");

		List<String> ids = this.chat.listAll(ListChatCompletionsParams.builder().after("chatcmpl-page2b").build())
			.map(ChatCompletion::id)
			.toList();

		assertThat(ids).containsExactly("chatcmpl-page3a", "chatcmpl-page3b");
		assertThat(queryParams(takeRequest())).containsExactly(Map.entry("after", "chatcmpl-page2b"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void walkStopsAtAPageThatSaysMoreButIsEmpty() {
		enqueueJsonFixture("completions-page-1.json");
		enqueue(jsonResponse(200,
				"{\"object\": \"list\", \"data\": [], \"first_id\": null, \"last_id\": null," + " \"has_more\": true}")
			.build());

		assertThat(this.chat.listAll(FILTER).count()).isEqualTo(2);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void consumingFirstItemOfBlockingWalkFetchesOnePage() {
		enqueueCompletionPages();

		assertThat(this.chat.listAll(FILTER).findFirst()).get()
			.extracting(ChatCompletion::id)
			.isEqualTo("chatcmpl-page1a");

		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void consumingThreeItemsOfBlockingWalkFetchesTwoPages() {
		enqueueMessagePages();

		assertThat(this.chat.listAllMessages(ID, ListMessagesParams.NONE).limit(3).map(StoredMessage::id))
			.containsExactly("chatcmpl-abc123-0", "chatcmpl-abc123-1", "chatcmpl-abc123-2");

		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void takingFirstItemOfReactiveWalkFetchesOnePage() throws InterruptedException {
		enqueueCompletionPages();

		StepVerifier.create(this.reactive.listAll(FILTER).take(1).map(ChatCompletion::id))
			.expectNext("chatcmpl-page1a")
			.verifyComplete();

		assertThat(queryParams(takeRequest())).extracting(Map.Entry::getKey).doesNotContain("after");
		assertThat(this.server.takeRequest(200, TimeUnit.MILLISECONDS)).as("a second page request").isNull();
	}

	@Test
	void takingFirstItemOfReactiveMessageWalkFetchesOnePage() throws InterruptedException {
		enqueueMessagePages();

		StepVerifier.create(this.reactive.listAllMessages(ID, ListMessagesParams.NONE).take(1).map(StoredMessage::id))
			.expectNext("chatcmpl-abc123-0")
			.verifyComplete();

		takeRequest();
		assertThat(this.server.takeRequest(200, TimeUnit.MILLISECONDS)).as("a second page request").isNull();
	}

	private void enqueueCompletionPages() {
		enqueueJsonFixture("completions-page-1.json");
		enqueueJsonFixture("completions-page-2.json");
		enqueueJsonFixture("completions-page-3.json");
	}

	private void enqueueMessagePages() {
		enqueueJsonFixture("messages-page-1.json");
		enqueueJsonFixture("messages-page-2.json");
		enqueueJsonFixture("messages-page-3.json");
	}

	private void assertCompletionPageRequests() {
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		List<Map.Entry<String, String>> filter = List.of(Map.entry("limit", "2"), Map.entry("order", "asc"),
				Map.entry("model", "gpt-4.1-mini"), Map.entry("metadata[customer]", "acme"));
		assertPageRequest(takeRequest(), "/v1/chat/completions", null, filter);
		assertPageRequest(takeRequest(), "/v1/chat/completions", "chatcmpl-page1b", filter);
		assertPageRequest(takeRequest(), "/v1/chat/completions", "chatcmpl-page2b", filter);
	}

	private void assertMessagePageRequests() {
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		List<Map.Entry<String, String>> paging = List.of(Map.entry("limit", "2"));
		String path = "/v1/chat/completions/chatcmpl-abc123/messages";
		assertPageRequest(takeRequest(), path, null, paging);
		assertPageRequest(takeRequest(), path, "chatcmpl-abc123-1", paging);
		assertPageRequest(takeRequest(), path, "chatcmpl-abc123-3", paging);
	}

	private static void assertPageRequest(RecordedRequest request, String path, String after,
			List<Map.Entry<String, String>> params) {
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(rawPath(request)).isEqualTo(path);
		assertSentWithCredentials(request, JSON);
		List<Map.Entry<String, String>> query = queryParams(request);
		if (after == null) {
			assertThat(query).isEqualTo(params);
		}
		else {
			assertThat(query.get(0)).isEqualTo(Map.entry("after", after));
			assertThat(query.subList(1, query.size())).isEqualTo(params);
		}
	}

}
