package io.github.openaistarter.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a completion into the {@code chat.completion.chunk}s that stream it, per choice:
 * a role chunk, the content in pieces (JSON in pieces of characters), or the refusal in
 * pieces, or the tool calls (each under its own {@code index}: id and name first, then
 * the arguments in pieces), a finish chunk; then, when
 * {@code stream_options.include_usage} is set, a last chunk with the usage and empty
 * {@code choices} (the other chunks then carry {@code "usage": null}, as the API's do).
 */
final class CompletionChunks {

	private CompletionChunks() {
	}

	static List<ObjectNode> of(ObjectNode completion, boolean json, boolean includeUsage, StreamChunking chunking) {
		List<ObjectNode> chunks = new ArrayList<>();
		for (JsonNode choice : completion.path("choices")) {
			int index = choice.path("index").asInt();
			JsonNode message = choice.path("message");
			boolean refusal = message.path("refusal").isString();
			ObjectNode role = Json.object().put("role", "assistant");
			if (refusal) {
				role.putNull("content").put("refusal", "");
			}
			else {
				role.put("content", "").putNull("refusal");
			}
			chunks.add(chunk(completion, index, role, null, includeUsage));
			int callIndex = 0;
			for (JsonNode call : message.path("tool_calls")) {
				ObjectNode first = Json.object()
					.put("index", callIndex)
					.put("id", call.path("id").asString())
					.put("type", "function");
				first.putObject("function")
					.put("name", call.path("function").path("name").asString())
					.put("arguments", "");
				chunks.add(chunk(completion, index, toolCallDelta(first), null, includeUsage));
				for (String piece : chunking.splitArguments(call.path("function").path("arguments").asString())) {
					ObjectNode fragment = Json.object().put("index", callIndex);
					fragment.putObject("function").put("arguments", piece);
					chunks.add(chunk(completion, index, toolCallDelta(fragment), null, includeUsage));
				}
				callIndex++;
			}
			if (refusal) {
				for (String piece : chunking.split(message.path("refusal").asString())) {
					chunks.add(chunk(completion, index, Json.object().put("refusal", piece), null, includeUsage));
				}
			}
			String content = message.path("content").asString("");
			for (String piece : json ? chunking.splitJson(content) : chunking.split(content)) {
				chunks.add(chunk(completion, index, Json.object().put("content", piece), null, includeUsage));
			}
			chunks.add(chunk(completion, index, Json.object(), choice.path("finish_reason").asString(), includeUsage));
		}
		if (includeUsage) {
			ObjectNode usage = base(completion);
			usage.putArray("choices");
			usage.set("usage", completion.path("usage").deepCopy());
			chunks.add(usage);
		}
		return chunks;
	}

	private static ObjectNode toolCallDelta(ObjectNode toolCall) {
		ObjectNode delta = Json.object();
		delta.putArray("tool_calls").add(toolCall);
		return delta;
	}

	private static ObjectNode chunk(ObjectNode completion, int index, ObjectNode delta, @Nullable String finishReason,
			boolean includeUsage) {
		ObjectNode chunk = base(completion);
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", index);
		choice.set("delta", delta);
		choice.putNull("logprobs");
		choice.put("finish_reason", finishReason);
		if (includeUsage) {
			chunk.putNull("usage");
		}
		return chunk;
	}

	private static ObjectNode base(ObjectNode completion) {
		ObjectNode chunk = Json.object();
		chunk.put("id", completion.path("id").asString());
		chunk.put("object", "chat.completion.chunk");
		chunk.put("created", completion.path("created").asLong());
		chunk.put("model", completion.path("model").asString());
		chunk.put("service_tier", completion.path("service_tier").asString());
		chunk.put("system_fingerprint", completion.path("system_fingerprint").asString());
		return chunk;
	}

}
