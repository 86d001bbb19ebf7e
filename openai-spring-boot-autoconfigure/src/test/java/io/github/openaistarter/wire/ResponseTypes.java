package io.github.openaistarter.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionDeleted;
import io.github.openaistarter.chat.model.Page;
import io.github.openaistarter.chat.model.StoredMessage;
import io.github.openaistarter.chat.model.Usage;

import org.springframework.core.ResolvableType;

/**
 * The response schemas of the description and the types the client decodes them into.
 */
final class ResponseTypes {

	/** Schema name to our type, in the order of the API reference. */
	static final Map<String, ResolvableType> BY_SCHEMA;

	static {
		Map<String, ResolvableType> types = new LinkedHashMap<>();
		types.put("CreateChatCompletionResponse", ResolvableType.forClass(ChatCompletion.class));
		types.put("CreateChatCompletionStreamResponse", ResolvableType.forClass(ChatCompletionChunk.class));
		types.put("ChatCompletionList", ResolvableType.forClassWithGenerics(Page.class, ChatCompletion.class));
		types.put("ChatCompletionDeleted", ResolvableType.forClass(ChatCompletionDeleted.class));
		types.put("ChatCompletionMessageList", ResolvableType.forClassWithGenerics(Page.class, StoredMessage.class));
		types.put("CompletionUsage", ResolvableType.forClass(Usage.class));
		BY_SCHEMA = Collections.unmodifiableMap(types);
	}

	private ResponseTypes() {
	}

	/**
	 * Our type for a response schema, as Jackson sees it.
	 * @param mapper the mapper that decodes
	 * @param schema the schema name
	 * @return the type
	 */
	static JavaType jacksonType(JsonMapper mapper, String schema) {
		ResolvableType type = BY_SCHEMA.get(schema);
		if (type == null) {
			throw new IllegalArgumentException("No type of ours for the response schema " + schema);
		}
		return mapper.getTypeFactory().constructType(type.getType());
	}

	/**
	 * Our type for a response schema, for the model coverage walk.
	 * @param schema the schema name
	 * @return the type
	 */
	static JavaModel javaModel(String schema) {
		return JavaModel.of(BY_SCHEMA.get(schema));
	}

}
