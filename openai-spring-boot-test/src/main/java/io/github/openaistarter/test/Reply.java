package io.github.openaistarter.test;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an endpoint answers, for the router to write: a JSON body, or the chunks of a
 * stream.
 */
sealed interface Reply {

	static Reply ok(JsonNode body) {
		return new Body(200, body);
	}

	/**
	 * A JSON answer.
	 *
	 * @param status the status
	 * @param body the body
	 */
	record Body(int status, JsonNode body) implements Reply {
	}

	/**
	 * A streamed answer.
	 *
	 * @param chunks the chunks, in order
	 */
	record EventStream(List<ObjectNode> chunks) implements Reply {
	}

}
