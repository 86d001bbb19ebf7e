package io.github.openaistarter.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.github.openaistarter.wire.SchemaShapes.Location;
import io.github.openaistarter.wire.SchemaShapes.Property;
import io.github.openaistarter.wire.SchemaShapes.Shape;

/**
 * Walks a root schema of the description and records, property by property, whether our
 * types cover it: for responses by walking our Java types alongside the schema, for
 * requests by walking JSON bodies our builders produced.
 */
final class CoverageWalker {

	private final OpenApiDescription description;

	private final SchemaShapes shapes;

	CoverageWalker(OpenApiDescription description) {
		this.description = description;
		this.shapes = new SchemaShapes(description);
	}

	/**
	 * The coverage of a response schema by the Java type we decode it into: a property is
	 * covered when the type reads it, at every place the schema has it.
	 * @param root the schema name, for example {@code CreateChatCompletionResponse}
	 * @param type the Java type
	 * @return the coverage
	 */
	Coverage responses(String root, JavaModel type) {
		Coverage coverage = new Coverage(root, true);
		read(this.description.schema(root), Location.root(root), type, coverage);
		return coverage;
	}

	/**
	 * The coverage of a request schema by JSON bodies our builders produced: a property
	 * is covered when one of the bodies has it (not {@code null}).
	 * @param root the schema name, for example {@code CreateChatCompletionRequest}
	 * @param bodies the bodies
	 * @return the coverage
	 */
	Coverage requests(String root, List<JsonNode> bodies) {
		Coverage coverage = new Coverage(root, false);
		write(this.description.schema(root), Location.root(root), bodies, coverage);
		return coverage;
	}

	private void read(JsonNode schema, Location at, JavaModel type, Coverage coverage) {
		for (Shape shape : this.shapes.shapes(schema, at)) {
			JavaModel target = type;
			String discriminator = null;
			if (type != null && type.kind() == JavaModel.Kind.POLYMORPHIC) {
				discriminator = type.discriminator();
				String value = shape.constants().get(discriminator);
				target = (value != null) ? type.subtype(value) : null;
			}
			Map<String, JavaModel> properties = (target != null) ? target.properties() : Map.of();
			for (Property property : shape.properties().values()) {
				String key = property.at().key();
				if (LeftOutProperties.RESPONSE.containsKey(key)) {
					coverage.leftOut(key);
					continue;
				}
				JavaModel child = properties.get(property.name());
				// the discriminator of a polymorphic type is read as the type id that
				// picks the subtype
				boolean typeId = target != null && property.name().equals(discriminator);
				coverage.record(key, property.at().route(), child != null || typeId);
				read(property.schema(), property.at(), child, coverage);
			}
			if (shape.items() != null) {
				read(shape.items(), shape.at().items(), element(target, JavaModel.Kind.LIST), coverage);
			}
			if (shape.additionalProperties() != null) {
				read(shape.additionalProperties(), shape.at().values(), element(target, JavaModel.Kind.MAP), coverage);
			}
		}
	}

	private static JavaModel element(JavaModel type, JavaModel.Kind kind) {
		return (type != null && type.kind() == kind) ? type.element() : null;
	}

	private void write(JsonNode schema, Location at, List<JsonNode> values, Coverage coverage) {
		List<Shape> shapes = this.shapes.shapes(schema, at);
		List<List<JsonNode>> routed = new ArrayList<>();
		shapes.forEach((shape) -> routed.add(new ArrayList<>()));
		for (JsonNode value : values) {
			for (int i = 0; i < shapes.size(); i++) {
				if (shapes.get(i).admits(value)) {
					routed.get(i).add(value);
					break;
				}
			}
		}
		for (int i = 0; i < shapes.size(); i++) {
			write(shapes.get(i), routed.get(i), coverage);
		}
	}

	private void write(Shape shape, List<JsonNode> values, Coverage coverage) {
		for (Property property : shape.properties().values()) {
			String key = property.at().key();
			if (LeftOutProperties.REQUEST.containsKey(key)) {
				coverage.leftOut(key);
				continue;
			}
			List<JsonNode> children = new ArrayList<>();
			for (JsonNode value : values) {
				JsonNode child = value.get(property.name());
				if (child != null && !child.isNull()) {
					children.add(child);
				}
			}
			coverage.record(key, property.at().route(), !children.isEmpty());
			write(property.schema(), property.at(), children, coverage);
		}
		if (shape.items() != null) {
			List<JsonNode> items = new ArrayList<>();
			values.stream().filter(JsonNode::isArray).forEach((array) -> array.forEach(items::add));
			write(shape.items(), shape.at().items(), items, coverage);
		}
		if (shape.additionalProperties() != null) {
			List<JsonNode> entries = new ArrayList<>();
			for (JsonNode value : values) {
				value.properties().forEach((entry) -> {
					if (!shape.properties().containsKey(entry.getKey())) {
						entries.add(entry.getValue());
					}
				});
			}
			write(shape.additionalProperties(), shape.at().values(), entries, coverage);
		}
	}

}
