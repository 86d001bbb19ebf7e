package io.github.openaistarter.test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's JSON: one mapper for trees in and out, so the application's Jackson settings
 * never apply.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	/**
	 * Reads a request body.
	 * @param body the bytes
	 * @return the tree, or a missing node when the body is empty or not JSON
	 */
	static JsonNode read(byte[] body) {
		if (body.length == 0) {
			return MissingNode.getInstance();
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return MissingNode.getInstance();
		}
	}

	static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	static String text(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

}
