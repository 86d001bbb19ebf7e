package io.github.openaistarter.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Turns a schema of the description into the object shapes it allows: {@code $ref}s
 * followed, {@code allOf} merged, {@code oneOf}/{@code anyOf} split into alternatives,
 * {@code null} alternatives dropped. Every property gets a stable key,
 * {@code Schema.path}, named after the nearest named schema that holds it (properties
 * merged through {@code allOf} belong to the schema that merges them), for example
 * {@code CreateChatCompletionRequest.web_search_options.user_location}.
 */
final class SchemaShapes {

	private final OpenApiDescription description;

	SchemaShapes(OpenApiDescription description) {
		this.description = description;
	}

	/**
	 * The shapes a schema allows.
	 * @param schema the schema, or a reference to one
	 * @param at where the schema sits: the owning schema name and the path inside it
	 * @return the alternatives; empty for a schema that only allows {@code null}, or for
	 * a reference back to a schema already being walked (a cycle)
	 */
	List<Shape> shapes(JsonNode schema, Location at) {
		String name = OpenApiDescription.refName(schema);
		if (name != null) {
			if (at.stack().contains(name)) {
				return List.of();
			}
			return shapes(this.description.schema(name), at.enter(name));
		}
		if (isNullOnly(schema)) {
			return List.of();
		}
		List<Shape> shapes = List.of(own(schema, at));
		for (JsonNode part : schema.path("allOf")) {
			shapes = combine(shapes, merged(part, at));
		}
		List<Shape> alternatives = new ArrayList<>();
		for (String keyword : List.of("oneOf", "anyOf")) {
			for (JsonNode alternative : schema.path(keyword)) {
				alternatives.addAll(shapes(alternative, at));
			}
		}
		if (!alternatives.isEmpty()) {
			shapes = combine(shapes, alternatives);
		}
		return shapes;
	}

	/**
	 * An {@code allOf} part: a referenced schema is merged into the current owner rather
	 * than entered.
	 */
	private List<Shape> merged(JsonNode part, Location at) {
		String name = OpenApiDescription.refName(part);
		if (name == null) {
			return shapes(part, at);
		}
		if (at.stack().contains(name)) {
			return List.of();
		}
		return shapes(this.description.schema(name), at.within(name));
	}

	private Shape own(JsonNode schema, Location at) {
		Map<String, Property> properties = new LinkedHashMap<>();
		Map<String, String> constants = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : schema.path("properties").properties()) {
			String name = entry.getKey();
			JsonNode property = entry.getValue();
			properties.put(name,
					new Property(name, at.child(name), property, property.path("deprecated").asBoolean(false)));
			String constant = constant(this.description.resolve(property));
			if (constant != null) {
				constants.put(name, constant);
			}
		}
		Set<String> types = types(schema);
		JsonNode items = schema.get("items");
		JsonNode additional = schema.get("additionalProperties");
		return new Shape(at, types, properties, constants, (items != null && items.isObject()) ? items : null,
				(additional != null && additional.isObject()) ? additional : null);
	}

	private static List<Shape> combine(List<Shape> left, List<Shape> right) {
		List<Shape> combined = new ArrayList<>();
		for (Shape l : left) {
			for (Shape r : right) {
				combined.add(l.merge(r));
			}
		}
		return combined;
	}

	private static boolean isNullOnly(JsonNode schema) {
		Set<String> types = types(schema);
		return types.size() == 1 && types.contains("null");
	}

	private static Set<String> types(JsonNode schema) {
		Set<String> types = new LinkedHashSet<>();
		JsonNode type = schema.path("type");
		if (type.isString()) {
			types.add(type.asString());
		}
		for (JsonNode each : type) {
			types.add(each.asString());
		}
		if (types.size() > 1) {
			types.remove("null");
		}
		return types;
	}

	/**
	 * The single value a property may take ({@code const}, or an {@code enum} of one), if
	 * any.
	 */
	private static String constant(JsonNode property) {
		if (property.has("const")) {
			return property.get("const").asString();
		}
		JsonNode values = property.path("enum");
		return (values.isArray() && values.size() == 1) ? values.get(0).asString() : null;
	}

	/**
	 * Where a schema sits: the named schema that owns it, the path inside that schema,
	 * the route from the root (for messages) and the named schemas being walked (to stop
	 * at cycles).
	 *
	 * @param owner the owning schema name
	 * @param path the path inside the owner, empty at its top; {@code []} marks array
	 * items, {@code {}} map values
	 * @param route the route from the root, for messages
	 * @param stack the named schemas entered on the way
	 */
	record Location(String owner, String path, String route, List<String> stack) {

		static Location root(String schemaName) {
			return new Location(schemaName, "", schemaName, List.of(schemaName));
		}

		Location enter(String name) {
			return new Location(name, "", this.route + "->" + name, push(name));
		}

		Location within(String name) {
			return new Location(this.owner, this.path, this.route, push(name));
		}

		Location child(String segment) {
			String path = this.path.isEmpty() ? segment : this.path + "." + segment;
			return new Location(this.owner, path, this.route + "." + segment, this.stack);
		}

		Location items() {
			return new Location(this.owner, this.path + "[]", this.route + "[]", this.stack);
		}

		Location values() {
			return new Location(this.owner, this.path + "{}", this.route + "{}", this.stack);
		}

		/** The stable key of a property at this location, {@code Owner.path}. */
		String key() {
			return this.owner + "." + this.path;
		}

		private List<String> push(String name) {
			List<String> stack = new ArrayList<>(this.stack);
			stack.add(name);
			return List.copyOf(stack);
		}

	}

	/**
	 * A property of a shape.
	 *
	 * @param name the wire name
	 * @param at where the property sits; {@link Location#key()} is its key
	 * @param schema its schema
	 * @param deprecated whether the description marks it deprecated
	 */
	record Property(String name, Location at, JsonNode schema, boolean deprecated) {

	}

	/**
	 * One object (or array, or scalar) shape a schema allows.
	 *
	 * @param at where the shape sits
	 * @param types the JSON types allowed ({@code object}, {@code string}, ...), empty
	 * when unconstrained
	 * @param properties the declared properties, by wire name
	 * @param constants properties with a single allowed value, such as a {@code type} or
	 * {@code role} discriminator
	 * @param items the schema of the array items, or {@code null}
	 * @param additionalProperties the schema of map values, or {@code null}
	 */
	record Shape(Location at, Set<String> types, Map<String, Property> properties, Map<String, String> constants,
			JsonNode items, JsonNode additionalProperties) {

		Shape merge(Shape other) {
			Map<String, Property> properties = new LinkedHashMap<>(this.properties);
			other.properties.forEach(properties::putIfAbsent);
			Map<String, String> constants = new LinkedHashMap<>(this.constants);
			constants.putAll(other.constants);
			Set<String> types = this.types.isEmpty() ? other.types : this.types;
			return new Shape(other.at, types, properties, constants, (this.items != null) ? this.items : other.items,
					(this.additionalProperties != null) ? this.additionalProperties : other.additionalProperties);
		}

		/**
		 * Whether a JSON value can be an instance of this shape: its JSON type is allowed
		 * and every discriminator it carries has the shape's value.
		 * @param value the value
		 * @return whether it matches
		 */
		boolean admits(JsonNode value) {
			if (!this.types.isEmpty() && this.types.stream().noneMatch((type) -> hasType(value, type))) {
				return false;
			}
			if (value.isObject()) {
				for (Map.Entry<String, String> constant : this.constants.entrySet()) {
					JsonNode actual = value.get(constant.getKey());
					if (actual != null && !actual.isNull() && !constant.getValue().equals(actual.asString())) {
						return false;
					}
				}
			}
			return true;
		}

		private static boolean hasType(JsonNode value, String type) {
			return switch (type) {
				case "object" -> value.isObject();
				case "array" -> value.isArray();
				case "string" -> value.isString();
				case "integer" -> value.isIntegralNumber();
				case "number" -> value.isNumber();
				case "boolean" -> value.isBoolean();
				default -> true;
			};
		}

	}

}
