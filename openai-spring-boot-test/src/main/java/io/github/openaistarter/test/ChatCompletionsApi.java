package io.github.openaistarter.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The six operations of the Chat Completions API: create (as JSON or a stream), retrieve,
 * update, delete, list, and list messages.
 */
final class ChatCompletionsApi {

	private static final List<String> LIST_PARAMETERS = List.of("model", "metadata", "after", "limit", "order");

	private static final List<String> MESSAGES_PARAMETERS = List.of("after", "limit", "order");

	private final CompletionGenerator generator = new CompletionGenerator();

	private final CompletionStore store;

	private final Supplier<Answer> answer;

	private final StreamChunking chunking;

	ChatCompletionsApi(CompletionStore store, Supplier<Answer> answer, StreamChunking chunking) {
		this.store = store;
		this.answer = answer;
		this.chunking = chunking;
	}

	Reply create(RecordedRequest request) {
		JsonNode body = request.jsonBody();
		RequestValidator.checkCreate(body);
		ObjectNode completion = this.generator.generate(body, this.answer.get());
		if (body.path("store").asBoolean(false)) {
			this.store.save(completion, body);
		}
		if (request.isStreaming()) {
			boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
			return new Reply.EventStream(
					CompletionChunks.of(completion, Answer.wantsJson(body), includeUsage, this.chunking));
		}
		return Reply.ok(completion);
	}

	Reply retrieve(String id) {
		return Reply.ok(this.store.retrieve(id));
	}

	Reply update(String id, RecordedRequest request) {
		ObjectNode metadata = RequestValidator.checkUpdate(request.jsonBody());
		return Reply.ok(this.store.updateMetadata(id, metadata));
	}

	Reply delete(String id) {
		return Reply.ok(this.store.delete(id));
	}

	Reply list(RecordedRequest request) {
		RequestValidator.checkQuery(request, LIST_PARAMETERS);
		Map<String, String> metadata = new LinkedHashMap<>();
		request.queryParameters().forEach((name, values) -> {
			if (name.startsWith("metadata[")) {
				metadata.put(name.substring("metadata[".length(), name.length() - 1), values.get(0));
			}
		});
		return Reply.ok(this.store.list(request.queryParameter("model"), metadata, PageQuery.of(request)));
	}

	Reply messages(String id, RecordedRequest request) {
		RequestValidator.checkQuery(request, MESSAGES_PARAMETERS);
		return Reply.ok(this.store.messages(id, PageQuery.of(request)));
	}

}
