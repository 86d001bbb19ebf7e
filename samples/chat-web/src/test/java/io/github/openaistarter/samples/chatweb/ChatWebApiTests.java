package io.github.openaistarter.samples.chatweb;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.test.AutoConfigureOpenAiFake;
import io.github.openaistarter.test.Fault;
import io.github.openaistarter.test.OpenAiFakeServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's HTTP API, without a browser: the chat stream's events (tool calls among
 * them), the extracted contact's JSON, the stored completions' JSON with timings, and
 * OpenAI's errors as problem details.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "openai.retry.initial-backoff=10ms", "openai.retry.max-backoff=20ms" })
@AutoConfigureOpenAiFake
class ChatWebApiTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private OpenAiFakeServer openAi;

	@Autowired
	private ChatCompletionsOperations chat;

	@Test
	void streamsTheAnswerAsServerSentEvents() throws Exception {
		String body = "{\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
				+ "{\"role\":\"user\",\"content\":\"Hello there\"}],\"store\":true,\"metadata\":{\"topic\":\"api\"}}";
		HttpResponse<String> response = send("POST", "/api/chat", body);
		assertThat(response.headers().firstValue("content-type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		assertThat(response.body()).contains("event:chunk\ndata:{\"text\":\"echo:\"}\n\n",
				"event:chunk\ndata:{\"text\":\" Hello\"}\n\n", "event:chunk\ndata:{\"text\":\" there\"}\n\n");
		JsonNode done = json.readTree(response.body().substring(response.body().indexOf("event:done\ndata:") + 16));
		assertThat(done.path("stored").asBoolean()).isTrue();
		assertThat(done.path("timing").path("call").asString()).isEqualTo("stream");
		assertThat(done.path("timing").path("requestId").asString()).startsWith("req_");
		assertThat(this.openAi.lastRequest().json().path("stream_options").path("include_usage").asBoolean()).isTrue();
		assertThat(this.chat.retrieve(done.path("id").asString()).metadata()).containsEntry("topic", "api");
	}

	@Test
	void streamsAToolCallAsItsNameArrivesThenWithItsArgumentsThenTheAnswerThatReadsItsResult() throws Exception {
		// the fake calls the tools the last user text names when it has the word "call",
		// with arguments made from
		// their schemas (the first enum value, 1 for numbers), then echoes their results
		List<Event> events = events(send("POST", "/api/chat",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"Please call roll_dice\"}],\"store\":false}"));
		assertThat(events.get(0).name()).isEqualTo("tool");
		assertThat(events.get(0).data().path("name").asString()).isEqualTo("roll_dice");
		assertThat(events.get(0).data().path("id").asString()).startsWith("call_");
		assertThat(events.get(0).data().path("arguments").isNull()).isTrue();
		assertThat(events.get(1).name()).isEqualTo("tool");
		assertThat(events.get(1).data().path("id").asString()).isEqualTo(events.get(0).data().path("id").asString());
		assertThat(events.get(1).data().path("arguments").asString())
			.isEqualTo("{\"die\":\"D6\",\"count\":1,\"seed\":1}");
		assertThat(events.subList(2, events.size() - 1))
			.allSatisfy((event) -> assertThat(event.name()).isEqualTo("chunk"));
		String roll = JsonMapper.shared().writeValueAsString(new DemoTools().rollDice(DemoTools.Die.D6, 1, 1));
		assertThat(text(events)).isEqualTo("echo: " + roll).startsWith("echo: {\"die\":\"D6\",\"seed\":1,\"rolls\":[");
		Event done = events.get(events.size() - 1);
		assertThat(done.name()).isEqualTo("done");
		assertThat(done.data().path("rounds").asInt()).isEqualTo(2);
		assertThat(done.data().path("toolCalls").asInt()).isEqualTo(1);
		assertThat(done.data().path("timing").path("requestId").asString()).startsWith("req_");
		assertThat(this.openAi.requests()).hasSize(2);
		assertThat(this.openAi.lastRequest()
			.json()
			.path("messages")
			.valueStream()
			.map((message) -> message.path("role").asString())).containsExactly("user", "assistant", "tool");
	}

	@Test
	void streamsTwoToolCallsOfOneAnswerEachCompleteWhenTheNextStarts() throws Exception {
		List<Event> events = events(send("POST", "/api/chat",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"call current_time, then roll_dice\"}],"
						+ "\"store\":false}"));
		List<String> tools = events.stream()
			.filter((event) -> event.name().equals("tool"))
			.map((event) -> event.data().path("name").asString() + " " + event.data().path("arguments").asString("…"))
			.toList();
		assertThat(tools).containsExactly("current_time …", "current_time {}", "roll_dice …",
				"roll_dice {\"die\":\"D6\",\"count\":1,\"seed\":1}");
		assertThat(text(events)).startsWith("echo: ").contains("; {\"die\":\"D6\"");
		assertThat(events.get(events.size() - 1).data().path("toolCalls").asInt()).isEqualTo(2);
		assertThat(this.openAi.requests()
			.get(0)
			.json()
			.path("tools")
			.valueStream()
			.map((tool) -> tool.path("function").path("name").asString()))
			.containsExactlyInAnyOrder("current_time", "roll_dice");
	}

	@Test
	void offlineTheFinalAnswerSaysWhatTheToolsReturned() throws Exception {
		this.openAi.answerWith(OfflineOpenAi::answer);
		List<Event> events = events(send("POST", "/api/chat",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"call roll_dice\"}],\"store\":false}"));
		assertThat(events.get(0).data().path("name").asString()).isEqualTo("roll_dice");
		assertThat(text(events)).startsWith("The embedded fake OpenAI called your tools; roll_dice returned "
				+ "{\"die\":\"D6\",\"seed\":1,\"rolls\":[");
	}

	@Test
	void sendsAFailedAnswerAsAnErrorEvent() throws Exception {
		// the starter retries a 429 twice; the third answer is the error the page shows
		this.openAi.enqueue(Fault.status(429).times(3));
		HttpResponse<String> response = send("POST", "/api/chat",
				"{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"store\":false}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("event:error\ndata:{\"message\":\"Rate limit reached");
		assertThat(this.openAi.requests()).hasSize(3);
	}

	@Test
	void listsOpensUpdatesAndDeletesStoredCompletionsWithTimings() throws Exception {
		String id = this.chat
			.create(ChatCompletionRequest.builder()
				.messages(List.of(ChatMessage.user("Keep me")))
				.store(true)
				.metadata(Map.of("topic", "api"))
				.build())
			.id();
		JsonNode page = read(send("GET", "/api/completions?key=topic&value=api", null));
		assertThat(page.path("result").path("items").get(0).path("id").asString()).isEqualTo(id);
		assertThat(page.path("result").path("hasMore").asBoolean()).isFalse();
		assertThat(page.path("timings").get(0).path("call").asString()).isEqualTo("list");
		JsonNode opened = read(send("GET", "/api/completions/" + id, null));
		assertThat(opened.path("result").path("messages").get(0).path("text").asString()).isEqualTo("Keep me");
		assertThat(opened.path("timings").valueStream().map((timing) -> timing.path("call").asString()))
			.containsExactly("retrieve", "list messages");
		JsonNode updated = read(send("PUT", "/api/completions/" + id + "/metadata", "{\"reviewed\":\"yes\"}"));
		assertThat(updated.path("result").path("metadata").path("reviewed").asString()).isEqualTo("yes");
		assertThat(read(send("DELETE", "/api/completions/" + id, null)).path("result").path("deleted").asBoolean())
			.isTrue();
		HttpResponse<String> gone = send("GET", "/api/completions/" + id, null);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(read(gone).path("detail").asString()).contains(id);
	}

	@Test
	void extractsAContactAsJson() throws Exception {
		HttpResponse<String> response = send("POST", "/api/extract",
				"{\"text\":\"Ada Lovelace of Analytical Engines asks for a price list.\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		// the fake answers from the schema: the user's text in the first string,
		// "<property> <n>" in the others
		JsonNode contact = read(response);
		assertThat(contact.path("name").asString())
			.isEqualTo("Ada Lovelace of Analytical Engines asks for a price list.");
		assertThat(contact.path("email").asString()).isEqualTo("email 1");
		assertThat(contact.path("company").asString()).isEqualTo("company 2");
		assertThat(contact.path("intent").asString()).isEqualTo("QUESTION");
		assertThat(contact.path("topics").valueStream().map(JsonNode::asString)).containsExactly("topics 3",
				"topics 4");
		JsonNode format = this.openAi.lastRequest().json().path("response_format");
		assertThat(format.path("type").asString()).isEqualTo("json_schema");
		assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
		JsonNode schema = format.path("json_schema").path("schema");
		assertThat(schema.path("required").valueStream().map(JsonNode::asString)).containsExactly("name", "email",
				"company", "intent", "topics");
		assertThat(schema.path("properties").path("email").toString()).contains("null");
		assertThat(schema.path("properties").path("intent").path("enum").valueStream().map(JsonNode::asString))
			.containsExactly("QUESTION", "ORDER", "COMPLAINT", "OTHER");
	}

	@Test
	void extractsOfflineWithTheEmbeddedFakesAnswer() throws Exception {
		this.openAi.answerWith(OfflineOpenAi::answer);
		JsonNode contact = read(send("POST", "/api/extract", "{\"text\":\"Write to ada@example.com, please.\"}"));
		assertThat(contact.path("name").asString()).isEqualTo("Embedded fake OpenAI");
		assertThat(contact.path("email").asString()).isEqualTo("ada@example.com");
		assertThat(contact.path("company").isNull()).isTrue();
	}

	@Test
	void answersAnAnswerThatDoesNotFitWithAProblemWithoutItsText() throws Exception {
		this.openAi.answerWith("{\"name\":\"Ada\",\"email\":null,\"company\":null,"
				+ "\"intent\":\"sk-pasted-secret\",\"topics\":[]}");
		HttpResponse<String> response = send("POST", "/api/extract", "{\"text\":\"my key is sk-pasted-secret\"}");
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
		JsonNode problem = read(response);
		assertThat(problem.path("title").asString()).isEqualTo("The answer does not fit");
		assertThat(problem.path("detail").asString())
			.isEqualTo("The model's answer does not fit the requested type at intent");
		assertThat(problem.path("path").asString()).isEqualTo("intent");
		assertThat(problem.path("requestId").asString()).startsWith("req_");
		assertThat(response.body()).doesNotContain("sk-pasted-secret");
	}

	@Test
	void refusesToExtractFromBlankText() throws Exception {
		HttpResponse<String> response = send("POST", "/api/extract", "{\"text\":\" \"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(read(response).path("detail").asString()).isEqualTo("Paste a text to extract a contact from");
		assertThat(this.openAi.requests()).isEmpty();
	}

	private HttpResponse<String> send(String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Content-Type", "application/json")
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode read(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	/** The server-sent events of a response, in order. */
	private static List<Event> events(HttpResponse<String> response) {
		List<Event> events = new ArrayList<>();
		for (String block : response.body().split("\n\n")) {
			String name = null;
			String data = null;
			for (String line : block.split("\n")) {
				if (line.startsWith("event:")) {
					name = line.substring(6);
				}
				else if (line.startsWith("data:")) {
					data = line.substring(5);
				}
			}
			if (name != null && data != null) {
				events.add(new Event(name, json.readTree(data)));
			}
		}
		return events;
	}

	private static String text(List<Event> events) {
		return events.stream()
			.filter((event) -> event.name().equals("chunk"))
			.map((event) -> event.data().path("text").asString())
			.collect(Collectors.joining());
	}

	private record Event(String name, JsonNode data) {

	}

}
