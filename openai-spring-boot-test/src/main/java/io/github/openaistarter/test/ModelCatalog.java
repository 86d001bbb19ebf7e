package io.github.openaistarter.test;

import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixed models of {@code GET /models} and {@code GET /models/{id}}.
 */
final class ModelCatalog {

	static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano",
			"gpt-5", "gpt-5-mini", "gpt-5-nano", "o4-mini");

	private static final long CREATED = 1_700_000_000L;

	private ModelCatalog() {
	}

	static ObjectNode list() {
		ObjectNode list = Json.object();
		list.put("object", "list");
		ArrayNode data = list.putArray("data");
		MODELS.forEach((id) -> data.add(model(id)));
		return list;
	}

	static ObjectNode retrieve(String id) {
		if (!MODELS.contains(id)) {
			throw new ApiError(404, "The model '" + id + "' does not exist or you do not have access to it.",
					"invalid_request_error", null, "model_not_found");
		}
		return model(id);
	}

	private static ObjectNode model(String id) {
		ObjectNode model = Json.object();
		model.put("id", id);
		model.put("object", "model");
		model.put("created", CREATED);
		model.put("owned_by", "system");
		return model;
	}

}
