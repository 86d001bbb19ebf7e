package io.github.openaistarter.test;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.scheduler.Schedulers;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ListChatCompletionsParams;
import io.github.openaistarter.chat.model.SortOrder;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.core.RateLimitException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What the fake records of the client's requests, and {@link OpenAiFakeServer#reset()}.
 */
@ExtendWith(OpenAiFakeExtension.class)
class RequestInspectionTests {

	private final OpenAiFakeServer fake;

	private final ChatCompletionsOperations chat;

	RequestInspectionTests(OpenAiFakeServer fake) {
		this.fake = fake;
		this.chat = Clients.chat(fake);
	}

	@Test
	void recordsWhatTheClientSent() {
		this.chat.create(ChatCompletionRequest.builder().message(ChatMessage.user("hi")).temperature(0.5).build());
		RecordedRequest request = this.fake.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.queryParameters()).isEmpty();
		assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
		assertThat(request.header("content-type")).startsWith("application/json");
		assertThat(request.headers()).containsKey("accept");
		assertThat(request.json().path("model").asString()).isEqualTo("gpt-4o-mini");
		assertThat(request.json().path("temperature").asDouble()).isEqualTo(0.5);
		assertThat(request.json().path("messages").get(0).path("content").asString()).isEqualTo("hi");
		assertThat(request.json().has("store")).isFalse();
		assertThat(request.body()).startsWith("{").contains("\"temperature\":0.5");
		assertThat(request.receivedAt()).isNotNull();
		assertThat(request).hasToString("POST /v1/chat/completions " + request.body());
	}

	@Test
	void recordsDecodedPathsAndQueries() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.retrieve("chatcmpl-a b+c"));
		assertThat(this.fake.lastRequest().path()).isEqualTo("/v1/chat/completions/chatcmpl-a b+c");
		this.chat
			.list(ListChatCompletionsParams.builder().limit(5).order(SortOrder.DESC).metadata("käse", "a&b=c").build());
		RecordedRequest list = this.fake.lastRequest();
		assertThat(list.method()).isEqualTo("GET");
		assertThat(list.body()).isEmpty();
		assertThat(list.json().isMissingNode()).isTrue();
		assertThat(list.queryParameters()).containsExactly(Map.entry("limit", List.of("5")),
				Map.entry("order", List.of("desc")), Map.entry("metadata[käse]", List.of("a&b=c")));
		assertThat(list.queryParameter("limit")).isEqualTo("5");
		assertThat(list.queryParameter("after")).isNull();
	}

	@Test
	void takesRequestsInOrder() {
		this.chat.create(List.of(ChatMessage.user("one")));
		this.chat.list();
		assertThat(this.fake.takeRequest().method()).isEqualTo("POST");
		this.chat.create(List.of(ChatMessage.user("two")));
		assertThat(this.fake.takeRequest().method()).isEqualTo("GET");
		assertThat(this.fake.takeRequest().json().path("messages").get(0).path("content").asString()).isEqualTo("two");
		assertThat(this.fake.requests()).hasSize(3);
		assertThat(this.fake.lastRequest().json().path("messages").get(0).path("content").asString()).isEqualTo("two");
	}

	@Test
	void waitsForARequestToArrive() {
		Clients.reactiveChat(this.fake)
			.create(List.of(ChatMessage.user("later")))
			.subscribeOn(Schedulers.boundedElastic())
			.delaySubscription(java.time.Duration.ofMillis(200))
			.subscribe();
		assertThat(this.fake.takeRequest().json().path("messages").get(0).path("content").asString())
			.isEqualTo("later");
	}

	@Test
	void forgetsEverythingOnReset() {
		ChatCompletion stored = this.chat
			.create(ChatCompletionRequest.builder().message(ChatMessage.user("a")).store(true).build());
		this.fake.enqueue(Fault.status(429).times(5));
		this.fake.answerWith("changed");
		this.fake.reset();
		assertThat(this.fake.requests()).isEmpty();
		assertThatIllegalStateException().isThrownBy(fake::lastRequest);
		assertThat(this.chat.create(List.of(ChatMessage.user("b"))).text()).isEqualTo("echo: b");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.retrieve(stored.id()));
		assertThat(this.fake.requests()).hasSize(2);
		assertThat(this.fake.takeRequest().json().path("messages").get(0).path("content").asString()).isEqualTo("b");
	}

	@Test
	void recordsRequestsThatFaultsAnswered() {
		this.fake.enqueue(Fault.status(429));
		assertThatExceptionOfType(RateLimitException.class).isThrownBy(() -> this.chat.list());
		assertThat(this.fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
	}

	@Test
	void servesAtTheRootToo() {
		String root = "http://127.0.0.1:" + this.fake.port();
		ChatCompletionsOperations chat = Clients.chat(this.fake, (transport) -> transport.baseUrl(root));
		assertThat(chat.create(List.of(ChatMessage.user("root"))).text()).isEqualTo("echo: root");
		assertThat(this.fake.lastRequest().path()).isEqualTo("/chat/completions");
	}

	@Test
	void describesItself() {
		assertThat(this.fake.baseUrl()).isEqualTo("http://127.0.0.1:" + this.fake.port() + "/v1");
		assertThat(this.fake.apiKey()).isEqualTo(OpenAiFakeServer.DEFAULT_API_KEY);
		assertThat(this.fake.properties()).containsOnly(Map.entry("openai.base-url", this.fake.baseUrl()),
				Map.entry("openai.api-key", "sk-fake"));
		assertThat(this.fake).hasToString("OpenAiFakeServer[" + this.fake.baseUrl() + "]");
	}

}
