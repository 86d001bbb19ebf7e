package io.github.openaistarter.chat.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.github.openaistarter.schema.StrictSchemaRules;

import org.springframework.util.Assert;

/**
 * The format of the answer ({@code response_format}): text, any JSON object, or JSON
 * following a schema (structured outputs). <pre>{@code
 * ResponseFormat.jsonSchema("planet", Map.of("type", "object",
 *     "properties", Map.of("name", Map.of("type", "string")), "required", List.of("name"),
 *     "additionalProperties", false));
 * }</pre>
 *
 * @param type {@code text}, {@code json_object} or {@code json_schema}
 * @param jsonSchema the schema, for {@code json_schema}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseFormat(@JsonProperty("type") String type,
		@JsonProperty("json_schema") @Nullable JsonSchema jsonSchema) {

	/**
	 * Creates a response format.
	 * @param type the type
	 * @param jsonSchema the schema
	 */
	public ResponseFormat {
		Assert.hasText(type, "response format type must not be empty");
	}

	/**
	 * Plain text (the default).
	 * @return the format
	 */
	public static ResponseFormat text() {
		return new ResponseFormat("text", null);
	}

	/**
	 * Any valid JSON object (JSON mode); also ask for JSON in the messages.
	 * @return the format
	 */
	public static ResponseFormat jsonObject() {
		return new ResponseFormat("json_object", null);
	}

	/**
	 * JSON following a schema, strictly. To have the schema made from a Java type, and
	 * the answer read back into it, use the operations' typed
	 * {@code create(request, Type.class)} instead.
	 * @param name the schema's name
	 * @param schema the JSON Schema object
	 * @return the format
	 * @throws IllegalArgumentException if the schema breaks OpenAI's strict rules
	 * ({@link StrictSchemaRules})
	 */
	public static ResponseFormat jsonSchema(String name, Map<String, Object> schema) {
		return jsonSchema(new JsonSchema(name, null, schema, true));
	}

	/**
	 * JSON following a schema.
	 * @param jsonSchema the schema and its options
	 * @return the format
	 */
	public static ResponseFormat jsonSchema(JsonSchema jsonSchema) {
		return new ResponseFormat("json_schema", jsonSchema);
	}

	/**
	 * A named JSON Schema for structured outputs.
	 *
	 * @param name the name ({@code a-z A-Z 0-9 _ -}, up to 64 characters)
	 * @param description what the format is for, or {@code null}
	 * @param schema the JSON Schema object, or {@code null}
	 * @param strict whether the answer must follow the schema exactly, or {@code null}
	 * for the default
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record JsonSchema(@JsonProperty("name") String name,
			@JsonProperty("description") @Nullable String description,
			@JsonProperty("schema") @Nullable Map<String, Object> schema,
			@JsonProperty("strict") @Nullable Boolean strict) {

		/**
		 * Creates a schema.
		 * @param name the name
		 * @param description the description
		 * @param schema the schema
		 * @param strict strict adherence
		 * @throws IllegalArgumentException if {@code strict} is true and the schema
		 * breaks OpenAI's strict rules ({@link StrictSchemaRules})
		 */
		public JsonSchema {
			Assert.hasText(name, "schema name must not be empty");
			schema = Immutables.mapOrNull(schema);
			if (Boolean.TRUE.equals(strict) && schema != null) {
				StrictSchemaRules.check(name, schema);
			}
		}

	}

}
