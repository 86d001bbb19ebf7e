package io.github.openaistarter.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.ContentPart;
import io.github.openaistarter.chat.model.FinishReason;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.ListMessagesParams;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.chat.model.ToolCall;
import io.github.openaistarter.chat.model.UnknownContentPart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored-completion operations over HTTP: retrieve, update, delete, list and list
 * messages, with their paths, query parameters and answers.
 */
@Timeout(10)
class StoredCompletionsHttpTests extends HttpTestSupport {

	private static final String ID = "chatcmpl-abc123";

	private static final String HAIKU = "Mind of circuits hum,  \nLearning patterns in silence—  \nFuture's quiet spark.";

	@Test
	void retrieveGetsCompletionById() {
		enqueueJsonFixture("stored-completion.json");

		ChatCompletion completion = this.chat.retrieve(ID);

		assertStoredCompletion(completion, Map.of("topic", "haiku"));
		assertBodilessRequest(takeRequest(), "GET", "/v1/chat/completions/chatcmpl-abc123");
	}

	@Test
	void reactiveRetrieveGetsCompletionById() {
		enqueueJsonFixture("stored-completion.json");

		StepVerifier.create(this.reactive.retrieve(ID))
			.assertNext((completion) -> assertStoredCompletion(completion, Map.of("topic", "haiku")))
			.verifyComplete();
		assertBodilessRequest(takeRequest(), "GET", "/v1/chat/completions/chatcmpl-abc123");
	}

	@Test
	void updatePostsOnlyTheMetadata() {
		enqueueJsonFixture("stored-completion-updated.json");

		ChatCompletion completion = this.chat.update(ID, orderedMetadata());

		assertStoredCompletion(completion, Map.of("topic", "haiku", "reviewed", "yes & approved"));
		assertUpdateRequest(takeRequest());
	}

	@Test
	void reactiveUpdatePostsOnlyTheMetadata() {
		enqueueJsonFixture("stored-completion-updated.json");

		StepVerifier.create(this.reactive.update(ID, orderedMetadata()))
			.assertNext((completion) -> assertThat(completion.metadata()).containsEntry("reviewed", "yes & approved"))
			.verifyComplete();
		assertUpdateRequest(takeRequest());
	}

	@Test
	void updateWithEmptyMetadataSendsEmptyObject() {
		enqueueJsonFixture("stored-completion.json");

		this.chat.update(ID, Map.of());

		assertThat(bodyJson(takeRequest())).isEqualTo(json("{\"metadata\": {}}"));
	}

	@Test
	void deleteSendsDeleteAndDecodesResult() {
		enqueueJsonFixture("completion-deleted.json");

		ChatCompletionDeleted deleted = this.chat.delete(ID);

		assertThat(deleted).isEqualTo(new ChatCompletionDeleted("chat.completion.deleted", ID, true));
		assertBodilessRequest(takeRequest(), "DELETE", "/v1/chat/completions/chatcmpl-abc123");
	}

	@Test
	void reactiveDeleteSendsDeleteAndDecodesResult() {
		enqueueJsonFixture("completion-deleted.json");

		StepVerifier.create(this.reactive.delete(ID))
			.expectNext(new ChatCompletionDeleted("chat.completion.deleted", ID, true))
			.verifyComplete();
		assertBodilessRequest(takeRequest(), "DELETE", "/v1/chat/completions/chatcmpl-abc123");
	}

	@Test
	void listWithoutParametersSendsNoQuery() {
		enqueueJsonFixture("completion-list.json");

		Page<ChatCompletion> page = this.chat.list();

		assertCompletionPage(page);
		assertBodilessRequest(takeRequest(), "GET", "/v1/chat/completions");
	}

	@Test
	void reactiveListWithoutParametersSendsNoQuery() {
		enqueueJsonFixture("completion-list.json");

		StepVerifier.create(this.reactive.list())
			.assertNext(StoredCompletionsHttpTests::assertCompletionPage)
			.verifyComplete();
		assertBodilessRequest(takeRequest(), "GET", "/v1/chat/completions");
	}

	@Test
	void listSendsEachMetadataFilterAsItsOwnParameter() {
		enqueueJsonFixture("completion-list.json");

		this.chat.list(filteredList());

		assertFilteredListRequest(takeRequest());
	}

	@Test
	void reactiveListSendsEachMetadataFilterAsItsOwnParameter() {
		enqueueJsonFixture("completion-list.json");

		StepVerifier.create(this.reactive.list(filteredList()))
			.assertNext((page) -> assertThat(page.hasMore()).isTrue())
			.verifyComplete();
		assertFilteredListRequest(takeRequest());
	}

	@Test
	void listMessagesGetsMessagesOfCompletion() {
		enqueueJsonFixture("message-list.json");

		Page<StoredMessage> page = this.chat.listMessages(ID);

		assertMessagePage(page);
		assertBodilessRequest(takeRequest(), "GET", "/v1/chat/completions/chatcmpl-abc123/messages");
	}

	@Test
	void reactiveListMessagesGetsMessagesOfCompletion() {
		enqueueJsonFixture("message-list.json");

		StepVerifier.create(this.reactive.listMessages(ID))
			.assertNext(StoredCompletionsHttpTests::assertMessagePage)
			.verifyComplete();
		assertBodilessRequest(takeRequest(), "GET", "/v1/chat/completions/chatcmpl-abc123/messages");
	}

	@Test
	void listMessagesSendsPagingParameters() {
		enqueueJsonFixture("message-list.json");

		this.chat.listMessages(ID,
				ListMessagesParams.builder().after("chatcmpl-abc123-0").limit(2).order(SortOrder.DESC).build());

		RecordedRequest request = takeRequest();
		assertThat(rawPath(request)).isEqualTo("/v1/chat/completions/chatcmpl-abc123/messages");
		assertThat(queryParams(request)).containsExactly(Map.entry("after", "chatcmpl-abc123-0"),
				Map.entry("limit", "2"), Map.entry("order", "desc"));
	}

	@Test
	void completionIdIsEncodedAsOnePathSegment() {
		String id = "chat cmpl?x=1&y#z%é+";
		enqueueJsonFixture("stored-completion.json");
		enqueueJsonFixture("stored-completion.json");
		enqueueJsonFixture("completion-deleted.json");
		enqueueJsonFixture("message-list.json");

		this.chat.retrieve(id);
		this.chat.update(id, Map.of("k", "v"));
		this.chat.delete(id);
		this.chat.listMessages(id);

		String encoded = "/v1/chat/completions/chat%20cmpl%3Fx%3D1%26y%23z%25%C3%A9%2B";
		for (String method : List.of("GET", "POST", "DELETE")) {
			RecordedRequest request = takeRequest();
			assertThat(request.getMethod()).isEqualTo(method);
			assertThat(request.getTarget()).isEqualTo(encoded);
			assertThat(request.getUrl().pathSegments()).containsExactly("v1", "chat", "completions", id);
		}
		RecordedRequest messages = takeRequest();
		assertThat(messages.getTarget()).isEqualTo(encoded + "/messages");
		assertThat(messages.getUrl().pathSegments()).containsExactly("v1", "chat", "completions", id, "messages");
	}

	private static Map<String, String> orderedMetadata() {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("topic", "haiku");
		metadata.put("reviewed", "yes & approved");
		return metadata;
	}

	private static ListChatCompletionsParams filteredList() {
		return ListChatCompletionsParams.builder()
			.after("chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2")
			.limit(2)
			.order(SortOrder.DESC)
			.model("gpt-4.1")
			.metadata("customer", "acme & sons")
			.metadata("query", "a=b+c")
			.metadata("city", "Orléans")
			.metadata("team name", "R&D")
			.build();
	}

	private static void assertFilteredListRequest(RecordedRequest request) {
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(rawPath(request)).isEqualTo("/v1/chat/completions");
		assertSentWithCredentials(request, JSON);
		assertNoBodySent(request);
		assertThat(queryParams(request)).containsExactly(Map.entry("after", "chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2"),
				Map.entry("limit", "2"), Map.entry("order", "desc"), Map.entry("model", "gpt-4.1"),
				Map.entry("metadata[customer]", "acme & sons"), Map.entry("metadata[query]", "a=b+c"),
				Map.entry("metadata[city]", "Orléans"), Map.entry("metadata[team name]", "R&D"));
		assertThat(request.getUrl().queryParameterNames()).doesNotContain("metadata");
		assertThat(request.getUrl().queryParameter("metadata[team name]")).isEqualTo("R&D");
	}

	private static void assertStoredCompletion(ChatCompletion completion, Map<String, String> metadata) {
		assertThat(completion.id()).isEqualTo(ID);
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
		assertThat(completion.created()).isEqualTo(1738960610L);
		assertThat(completion.metadata()).isEqualTo(metadata);
		assertThat(completion.text()).isEqualTo(HAIKU);
		assertThat(completion.message().toolCalls()).isEmpty();
		assertThat(completion.choice().finishReason()).isEqualTo(FinishReason.STOP);
		assertThat(completion.usage().promptTokens()).isEqualTo(13);
		assertThat(completion.usage().completionTokens()).isEqualTo(18);
		assertThat(completion.usage().totalTokens()).isEqualTo(31);
		assertThat(completion.additionalProperties())
			.containsEntry("request_id", "req_ded8ab984ec4bf840f37566c1011c417")
			.containsEntry("temperature", 1.0)
			.containsEntry("tools", null);
	}

	private static void assertCompletionPage(Page<ChatCompletion> page) {
		assertThat(page.object()).isEqualTo("list");
		assertThat(page.data()).extracting(ChatCompletion::id)
			.containsExactly("chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2", "chatcmpl-AyPNzKzbrYDO5QCx0A6dX8BgIwqvB");
		assertThat(page.data()).extracting(ChatCompletion::text).containsExactly(HAIKU, "Silicon dreams wake.");
		assertThat(page.data().get(0).metadata()).isEqualTo(Map.of("customer", "acme & sons"));
		assertThat(page.firstId()).isEqualTo("chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2");
		assertThat(page.lastId()).isEqualTo("chatcmpl-AyPNzKzbrYDO5QCx0A6dX8BgIwqvB");
		assertThat(page.hasMore()).isTrue();
	}

	private static void assertMessagePage(Page<StoredMessage> page) {
		assertThat(page.object()).isEqualTo("list");
		assertThat(page.firstId()).isEqualTo("chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2-0");
		assertThat(page.lastId()).isEqualTo("chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2-3");
		assertThat(page.hasMore()).isFalse();
		assertThat(page.data()).hasSize(4);
		StoredMessage first = page.data().get(0);
		assertThat(first.id()).isEqualTo("chatcmpl-AyPNinnUqUDYo9SAdA52NobMflmj2-0");
		assertThat(first.role()).isEqualTo("user");
		assertThat(first.content()).isEqualTo("write a haiku about ai");
		assertThat(first.name()).isNull();
		assertThat(first.contentParts()).isNull();
		assertThat(first.text()).isEqualTo("write a haiku about ai");
		StoredMessage second = page.data().get(1);
		assertThat(second.content()).isNull();
		assertThat(second.name()).isEqualTo("ada");
		assertThat(second.contentParts()).containsExactly(ContentPart.text("And what is in this image?"),
				ContentPart.imageUrl("https://upload.wikimedia.org/wikipedia/commons/boardwalk.jpg", "low"));
		assertThat(second.text()).isEqualTo("And what is in this image?");
		StoredMessage toolCalling = page.data().get(2);
		assertThat(toolCalling.role()).isEqualTo("assistant");
		assertThat(toolCalling.text()).isEmpty();
		assertThat(toolCalling.toolCalls())
			.containsExactly(ToolCall.function("call_abc123", "describe_image", "{\"detail\":\"low\"}"));
		StoredMessage video = page.data().get(3);
		assertThat(video.contentParts()).containsExactly(new UnknownContentPart("input_video",
				Map.of("video_url", Map.of("url", "https://example.com/clip.mp4"))));
		assertThat(video.text()).isEmpty();
		assertThat(video.additionalProperties()).containsExactly(Map.entry("created_at", 1738960611));
	}

	private static void assertUpdateRequest(RecordedRequest request) {
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v1/chat/completions/chatcmpl-abc123");
		assertSentWithCredentials(request, JSON);
		assertJsonBodySent(request);
		assertThat(bodyJson(request)).isEqualTo(json("""
				{"metadata": {"topic": "haiku", "reviewed": "yes & approved"}}"""));
	}

	private static void assertBodilessRequest(RecordedRequest request, String method, String target) {
		assertThat(request.getMethod()).isEqualTo(method);
		assertThat(request.getTarget()).isEqualTo(target);
		assertSentWithCredentials(request, JSON);
		assertNoBodySent(request);
	}

}
