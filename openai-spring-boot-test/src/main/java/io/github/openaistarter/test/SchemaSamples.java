package io.github.openaistarter.test;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic JSON made from a JSON Schema, as the structured answer of the fake model
 * (the same rules as the spec-checking fake of the project's conformance tests): objects
 * with every property; the last user text in the first plain string,
 * {@code "<property> <n>"} in the others; a sample for each strict-mode format; numbers
 * within their bounds; {@code true}; the first {@code enum} or {@code const} value; two
 * array items within {@code minItems}/{@code maxItems}; the first non-null branch of
 * {@code anyOf} or a type list. Past three {@code $ref} hops it takes the shortest way
 * out ({@code null}, no items), so recursive schemas end. {@code pattern} is not
 * honoured.
 */
final class SchemaSamples {

	private static final Map<String, String> FORMATS = Map.of("date-time", "2025-01-01T12:00:00Z", "date", "2025-01-01",
			"time", "12:00:00Z", "duration", "P1D", "email", "user@example.com", "hostname", "example.com", "ipv4",
			"192.0.2.1", "ipv6", "2001:db8::1", "uuid", "123e4567-e89b-42d3-a456-426614174000");

	private static final int REF_HOPS = 3;

	private final JsonNode root;

	private final String userText;

	private boolean userTextUsed;

	private int counter;

	private SchemaSamples(JsonNode root, String userText) {
		this.root = root;
		this.userText = userText;
	}

	/**
	 * A value for a schema.
	 * @param schema the schema
	 * @param userText the last user text, the value of the first plain string
	 * @return the value
	 */
	static JsonNode sample(JsonNode schema, String userText) {
		return new SchemaSamples(schema, userText).value(schema, "value", 0);
	}

	private JsonNode value(JsonNode schema, String name, int hops) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		if (schema.has("const")) {
			return schema.get("const");
		}
		if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
			return schema.path("enum").get(0);
		}
		if (schema.path("$ref").isString()) {
			return value(resolve(schema.path("$ref").asString()), name, hops + 1);
		}
		if (schema.path("anyOf").isArray() && !schema.path("anyOf").isEmpty()) {
			return value(branch(schema.path("anyOf"), hops), name, hops);
		}
		String type = type(schema.path("type"), hops);
		return switch (type) {
			case "object" -> object(schema, hops);
			case "array" -> array(schema, name, hops);
			case "integer" -> nodes.numberNode(number(schema).longValue());
			case "number" -> nodes.numberNode(number(schema));
			case "boolean" -> nodes.booleanNode(true);
			case "null" -> nodes.nullNode();
			default -> nodes.stringNode(string(schema, name));
		};
	}

	private ObjectNode object(JsonNode schema, int hops) {
		ObjectNode object = Json.object();
		schema.path("properties")
			.properties()
			.forEach((entry) -> object.set(entry.getKey(), value(entry.getValue(), entry.getKey(), hops)));
		return object;
	}

	private ArrayNode array(JsonNode schema, String name, int hops) {
		int count = (hops > REF_HOPS) ? 0 : 2;
		count = Math.max(count, schema.path("minItems").asInt(0));
		count = Math.min(count, schema.path("maxItems").asInt(Integer.MAX_VALUE));
		ArrayNode array = Json.array();
		for (int i = 0; i < count; i++) {
			array.add(value(schema.path("items"), name, hops));
		}
		return array;
	}

	private Double number(JsonNode schema) {
		double low = schema.has("minimum") ? schema.path("minimum").asDouble()
				: schema.has("exclusiveMinimum") ? Math.floor(schema.path("exclusiveMinimum").asDouble()) + 1 : 1;
		double high = schema.has("maximum") ? schema.path("maximum").asDouble()
				: schema.has("exclusiveMaximum") ? Math.ceil(schema.path("exclusiveMaximum").asDouble()) - 1 : low;
		return Math.min(Math.max(low, 1), Math.max(high, low));
	}

	private String string(JsonNode schema, String name) {
		String format = FORMATS.get(schema.path("format").asString(""));
		if (format != null) {
			return format;
		}
		if (!this.userTextUsed) {
			this.userTextUsed = true;
			return this.userText;
		}
		return name + " " + (++this.counter);
	}

	private String type(JsonNode type, int hops) {
		if (type.isArray()) {
			for (JsonNode option : type) {
				if (!"null".equals(option.asString()) && hops <= REF_HOPS) {
					return option.asString();
				}
			}
			return "null";
		}
		return type.asString((hops > REF_HOPS) ? "null" : "string");
	}

	private JsonNode branch(JsonNode branches, int hops) {
		for (JsonNode branch : branches) {
			boolean isNull = "null".equals(branch.path("type").asString(""));
			if ((hops > REF_HOPS) == isNull) {
				return branch;
			}
		}
		return branches.get(0);
	}

	private JsonNode resolve(String pointer) {
		JsonNode node = this.root;
		if (!pointer.equals("#")) {
			for (String part : pointer.substring(2).split("/")) {
				node = node.path(part.replace("~1", "/").replace("~0", "~"));
			}
		}
		return node;
	}

}
