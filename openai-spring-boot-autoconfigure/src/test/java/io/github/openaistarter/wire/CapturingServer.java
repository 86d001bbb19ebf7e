package io.github.openaistarter.wire;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.core.OpenAiTransport;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * A loopback server that records the JSON bodies the client sends and answers each call
 * with the smallest valid answer (a completion, an empty stream), so tests can look at
 * exactly what goes on the wire.
 */
final class CapturingServer implements AutoCloseable {

	private static final String COMPLETION = """
			{"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "gpt-4.1-mini",
			 "choices": [{"index": 0, "message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}]}""";

	private static final String EMPTY_PAGE = """
			{"object": "list", "data": [], "first_id": null, "last_id": null, "has_more": false}""";

	private static final String DELETED = """
			{"object": "chat.completion.deleted", "id": "chatcmpl-1", "deleted": true}""";

	private final JsonMapper json = JsonMapper.builder().build();

	private final MockWebServer server = new MockWebServer();

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

	private final ChatCompletionsOperations chat;

	CapturingServer() throws IOException {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}

		});
		this.server.start();
		OpenAiTransport transport = OpenAiTransport.builder(new ReactorClientHttpConnector())
			.baseUrl(this.server.url("/v1").toString())
			.apiKey("sk-capture")
			.build();
		this.chat = new ChatCompletionsTemplate(new ChatCompletionsClient(transport, Map.of()));
	}

	private MockResponse answer(RecordedRequest request) {
		JsonNode body = (request.getBodySize() > 0) ? this.json.readTree(request.getBody().utf8()) : null;
		this.exchanges.add(new Exchange(request.getMethod(), request.getTarget(), body));
		boolean stream = body != null && body.path("stream").asBoolean(false);
		String path = request.getUrl().encodedPath();
		String answer = switch (request.getMethod()) {
			case "DELETE" -> DELETED;
			case "GET" -> (path.endsWith("/messages") || path.endsWith("/chat/completions")) ? EMPTY_PAGE : COMPLETION;
			default -> stream ? "data: [DONE]\n\n" : COMPLETION;
		};
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", stream ? "text/event-stream" : "application/json")
			.body(answer)
			.build();
	}

	/**
	 * The blocking operations, sending to this server.
	 * @return the operations
	 */
	ChatCompletionsOperations chat() {
		return this.chat;
	}

	/**
	 * The JSON bodies received so far, in order.
	 * @return the bodies
	 */
	List<JsonNode> bodies() {
		return this.exchanges.stream().map(Exchange::body).filter((body) -> body != null).toList();
	}

	/**
	 * The last request received.
	 * @return the request
	 */
	Exchange lastExchange() {
		return this.exchanges.get(this.exchanges.size() - 1);
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * A request the server received.
	 *
	 * @param method the HTTP method
	 * @param target the request target: path and query, as sent
	 * @param body the JSON body, or {@code null}
	 */
	record Exchange(String method, String target, JsonNode body) {

	}

}
