package io.github.openaistarter.wire;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that lists the properties of the description our types deliberately do
 * not model, each with the reason. The model coverage tests skip them (and do not descend
 * into them); everything else the description declares must be written by our request
 * types or read by our response types. An entry that no longer matches a property of the
 * description fails the tests, so the list cannot go stale.
 */
final class LeftOutProperties {

	/** Property key ({@code Schema.path}) to the reason it is left out. */
	static final Map<String, String> REQUEST = new TreeMap<>(Map.of("CreateChatCompletionRequest.functions",
			"deprecated in favour of tools; send it with extraBody(\"functions\", ...) if an old model needs it",
			"CreateChatCompletionRequest.function_call",
			"deprecated in favour of tool_choice; extraBody(\"function_call\", ...) still sends it",
			"ChatCompletionRequestFunctionMessage.role",
			"the deprecated 'function' role, replaced by 'tool' messages answering tool calls",
			"ChatCompletionRequestFunctionMessage.content", "the deprecated 'function' role (see role)",
			"ChatCompletionRequestFunctionMessage.name", "the deprecated 'function' role (see role)"));

	/**
	 * Response properties left out: none, every property the description declares is
	 * read.
	 */
	static final Map<String, String> RESPONSE = Map.of();

	private LeftOutProperties() {
	}

}
