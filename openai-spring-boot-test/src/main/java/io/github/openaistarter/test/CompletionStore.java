package io.github.openaistarter.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The completions created with {@code store: true}, in creation order, each with the
 * input messages it answered. Hands out copies, so answers never change under a reader.
 * Thread-safe.
 */
final class CompletionStore {

	private final Map<String, Stored> completions = new LinkedHashMap<>();

	/**
	 * Stores a completion.
	 * @param completion the completion, with its {@code metadata}
	 * @param request the create request, for its messages
	 */
	synchronized void save(ObjectNode completion, JsonNode request) {
		String id = completion.path("id").asString();
		List<ObjectNode> messages = new ArrayList<>();
		for (JsonNode message : request.path("messages")) {
			messages.add(storedMessage(id + "-" + messages.size(), message));
		}
		this.completions.put(id, new Stored(completion.deepCopy(), messages));
	}

	synchronized ObjectNode retrieve(String id) {
		return find(id).completion.deepCopy();
	}

	synchronized ObjectNode updateMetadata(String id, ObjectNode metadata) {
		Stored stored = find(id);
		stored.completion.set("metadata", metadata.deepCopy());
		return stored.completion.deepCopy();
	}

	synchronized ObjectNode delete(String id) {
		find(id);
		this.completions.remove(id);
		ObjectNode deleted = Json.object();
		deleted.put("object", "chat.completion.deleted");
		deleted.put("id", id);
		deleted.put("deleted", true);
		return deleted;
	}

	/**
	 * Lists stored completions.
	 * @param model only those of this model, or {@code null} for all
	 * @param metadata only those with all these metadata pairs
	 * @param page the paging
	 * @return the list object
	 */
	synchronized ObjectNode list(@Nullable String model, Map<String, String> metadata, PageQuery page) {
		List<ObjectNode> matching = new ArrayList<>();
		for (Stored stored : this.completions.values()) {
			if (matches(stored.completion, model, metadata)) {
				matching.add(stored.completion);
			}
		}
		return page.page(matching, (completion) -> completion.path("id").asString(), ObjectNode::deepCopy);
	}

	synchronized ObjectNode messages(String id, PageQuery page) {
		return page.page(find(id).messages, (message) -> message.path("id").asString(), ObjectNode::deepCopy);
	}

	synchronized void clear() {
		this.completions.clear();
	}

	private Stored find(String id) {
		Stored stored = this.completions.get(id);
		if (stored == null) {
			throw ApiError.notFound("No chat completion found with id '" + id + "'.");
		}
		return stored;
	}

	private static boolean matches(ObjectNode completion, @Nullable String model, Map<String, String> metadata) {
		if (model != null && !model.equals(completion.path("model").asString())) {
			return false;
		}
		JsonNode stored = completion.path("metadata");
		return metadata.entrySet()
			.stream()
			.allMatch((pair) -> stored.path(pair.getKey()).isString()
					&& stored.path(pair.getKey()).asString().equals(pair.getValue()));
	}

	/**
	 * A stored input message as the API lists it: id, role, content as a string, the text
	 * and image parts in {@code content_parts} when the input had parts, and the name,
	 * tool calls or tool call id when present.
	 */
	private static ObjectNode storedMessage(String id, JsonNode message) {
		ObjectNode stored = Json.object();
		stored.put("id", id);
		stored.put("role", message.path("role").asString(""));
		JsonNode content = message.path("content");
		stored.put("content", (content.isString() || content.isArray()) ? Conversation.text(message) : null);
		stored.putNull("refusal");
		stored.put("name", message.path("name").asString(null));
		if (content.isArray()) {
			ArrayNode parts = stored.putArray("content_parts");
			for (JsonNode part : content) {
				String type = part.path("type").asString("");
				if (type.equals("text") || type.equals("image_url")) {
					parts.add(part.deepCopy());
				}
			}
		}
		else {
			stored.putNull("content_parts");
		}
		if (message.has("tool_calls")) {
			stored.set("tool_calls", message.path("tool_calls").deepCopy());
		}
		if (message.has("tool_call_id")) {
			stored.set("tool_call_id", message.path("tool_call_id").deepCopy());
		}
		return stored;
	}

	private record Stored(ObjectNode completion, List<ObjectNode> messages) {
	}

}
