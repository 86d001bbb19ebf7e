package io.github.openaistarter.test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks what OpenAI checks cheaply before answering, and fails as it does: {@code 400}
 * with {@code invalid_request_error}, the {@code param} at fault and a code.
 */
final class RequestValidator {

	static final int MAX_METADATA_PAIRS = 16;

	static final int MAX_METADATA_KEY_LENGTH = 64;

	static final int MAX_METADATA_VALUE_LENGTH = 512;

	private static final Set<String> ROLES = Set.of("developer", "system", "user", "assistant", "tool", "function");

	private RequestValidator() {
	}

	/**
	 * Checks a create request.
	 * @param request the body
	 * @throws ApiError if the request is invalid
	 */
	static void checkCreate(JsonNode request) {
		requireObject(request);
		JsonNode model = request.path("model");
		if (model.isMissingNode() || model.isNull()) {
			throw missing("model");
		}
		if (!model.isString() || model.asString().isBlank()) {
			throw ApiError.badRequest("Invalid 'model': expected a non-empty string.", "model", "invalid_type");
		}
		checkMessages(request.path("messages"));
		JsonNode n = request.path("n");
		if (!n.isMissingNode() && !n.isNull() && (!n.isIntegralNumber() || n.asInt() < 1 || n.asInt() > 128)) {
			throw ApiError.badRequest("Invalid 'n': expected an integer from 1 to 128.", "n", "invalid_value");
		}
		checkBoolean(request, "stream");
		checkBoolean(request, "store");
		if (request.has("stream_options") && !request.path("stream_options").isNull()
				&& !request.path("stream").asBoolean(false)) {
			throw ApiError.badRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.",
					"stream_options", null);
		}
		if (request.has("tool_choice") && !request.path("tool_choice").isNull() && request.path("tools").isEmpty()) {
			throw ApiError.badRequest(
					"Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
					"tool_choice", null);
		}
		checkTools(request.path("tools"));
		if (request.has("metadata") && !request.path("metadata").isNull()) {
			checkMetadata(request.path("metadata"));
		}
	}

	/**
	 * Checks the body of an update, which must be exactly {@code {"metadata": {...}}}.
	 * @param request the body
	 * @return the new metadata
	 * @throws ApiError if the body is anything else
	 */
	static ObjectNode checkUpdate(JsonNode request) {
		requireObject(request);
		for (String name : request.propertyNames()) {
			if (!name.equals("metadata")) {
				throw ApiError.badRequest("Unrecognized request argument supplied: " + name, name, "unknown_parameter");
			}
		}
		JsonNode metadata = request.path("metadata");
		if (metadata.isMissingNode()) {
			throw missing("metadata");
		}
		checkMetadata(metadata);
		return (ObjectNode) metadata;
	}

	/**
	 * Checks the query parameters of a list.
	 * @param request the request
	 * @param allowed the parameter names the operation takes; {@code metadata} allows
	 * {@code metadata[key]}
	 * @throws ApiError on an unknown parameter, or a metadata filter not sent as
	 * {@code metadata[key]=value}
	 */
	static void checkQuery(RecordedRequest request, List<String> allowed) {
		for (Map.Entry<String, List<String>> parameter : request.queryParameters().entrySet()) {
			String name = parameter.getKey();
			if (allowed.contains("metadata") && name.startsWith("metadata")) {
				if (!name.matches("metadata\\[.+]")) {
					throw ApiError.badRequest("Invalid metadata filter '" + name + "': send one metadata[key]=value"
							+ " parameter per pair.", "metadata", "invalid_value");
				}
			}
			else if (!allowed.contains(name)) {
				throw ApiError.badRequest("Unrecognized request argument supplied: " + name, name, "unknown_parameter");
			}
			if (parameter.getValue().size() > 1) {
				throw ApiError.badRequest("Parameter '" + name + "' was sent more than once.", name, "invalid_value");
			}
		}
	}

	private static void requireObject(JsonNode request) {
		if (!request.isObject()) {
			throw ApiError.badRequest("We could not parse the JSON body of your request. (HINT: This likely means you"
					+ " aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was"
					+ " sent was not valid JSON.)", null, null);
		}
	}

	private static void checkMessages(JsonNode messages) {
		if (messages.isMissingNode() || messages.isNull()) {
			throw missing("messages");
		}
		if (!messages.isArray()) {
			throw ApiError.badRequest("Invalid type for 'messages': expected an array.", "messages", "invalid_type");
		}
		if (messages.isEmpty()) {
			throw ApiError.badRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but"
					+ " got an empty array instead.", "messages", "empty_array");
		}
		for (int i = 0; i < messages.size(); i++) {
			String role = messages.get(i).path("role").asString("");
			if (!messages.get(i).isObject() || !ROLES.contains(role)) {
				throw ApiError.badRequest(
						"Invalid value: '" + role + "'. Supported values are: 'system', 'assistant',"
								+ " 'user', 'function', 'tool', and 'developer'.",
						"messages[" + i + "].role", "invalid_value");
			}
		}
	}

	private static void checkTools(JsonNode tools) {
		for (int i = 0; i < tools.size(); i++) {
			JsonNode tool = tools.get(i);
			if ("function".equals(tool.path("type").asString("")) && !tool.path("function").path("name").isString()) {
				throw ApiError.badRequest("Missing required parameter: 'tools[" + i + "].function.name'.",
						"tools[" + i + "].function.name", "missing_required_parameter");
			}
		}
	}

	private static void checkMetadata(JsonNode metadata) {
		if (!metadata.isObject()) {
			throw ApiError.badRequest("Invalid type for 'metadata': expected an object.", "metadata", "invalid_type");
		}
		if (metadata.size() > MAX_METADATA_PAIRS) {
			throw ApiError.badRequest(
					"Invalid 'metadata': too many properties. Expected an object with at most " + MAX_METADATA_PAIRS
							+ " properties, but got an object with " + metadata.size() + " properties instead.",
					"metadata", "object_above_max_properties");
		}
		for (Map.Entry<String, JsonNode> pair : metadata.properties()) {
			String key = pair.getKey();
			if (key.length() > MAX_METADATA_KEY_LENGTH) {
				throw ApiError.badRequest("Invalid 'metadata': key '" + key + "' is too long. Expected a string with"
						+ " maximum length " + MAX_METADATA_KEY_LENGTH + ", but got a string with length "
						+ key.length() + " instead.", "metadata", "string_above_max_length");
			}
			if (!pair.getValue().isString()) {
				throw ApiError.badRequest("Invalid type for 'metadata." + key + "': expected a string.",
						"metadata." + key, "invalid_type");
			}
			if (pair.getValue().asString().length() > MAX_METADATA_VALUE_LENGTH) {
				throw ApiError.badRequest(
						"Invalid 'metadata." + key + "': string too long. Expected a string with" + " maximum length "
								+ MAX_METADATA_VALUE_LENGTH + ", but got a string with length "
								+ pair.getValue().asString().length() + " instead.",
						"metadata." + key, "string_above_max_length");
			}
		}
	}

	private static void checkBoolean(JsonNode request, String name) {
		JsonNode value = request.path(name);
		if (!value.isMissingNode() && !value.isNull() && !value.isBoolean()) {
			throw ApiError.badRequest("Invalid type for '" + name + "': expected a boolean.", name, "invalid_type");
		}
	}

	private static ApiError missing(String param) {
		return ApiError.badRequest("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
	}

}
