package io.github.openaistarter.schema;

import java.util.List;

/**
 * Where a schema breaks OpenAI's strict rules, and which rule.
 *
 * @param path the keys from the schema's root to the offending node, for example
 * {@code [properties, address, properties, city]}
 * @param rule what is wrong there, as a sentence
 */
record StrictSchemaViolation(List<String> path, String rule) {

	/**
	 * The path as a JSON pointer into the schema, {@code /} for the root.
	 * @return the pointer
	 */
	String pointer() {
		return "/" + String.join("/", this.path);
	}

	/**
	 * The path in Java terms: the type, then each property, {@code []} for list items,
	 * {@code $defs} entries by their type name. For example
	 * {@code Order.lines[].quantity}.
	 * @param rootName the simple name of the root type
	 * @return the property path
	 */
	String propertyPath(String rootName) {
		StringBuilder out = new StringBuilder(rootName);
		for (int i = 0; i < this.path.size(); i++) {
			String key = this.path.get(i);
			boolean hasNext = i + 1 < this.path.size();
			switch (key) {
				case "properties" -> {
					if (hasNext) {
						out.append('.').append(this.path.get(++i));
					}
				}
				case "items" -> out.append("[]");
				case "anyOf" -> i++;
				case "$defs", "definitions" -> {
					if (hasNext) {
						out.setLength(0);
						out.append(this.path.get(++i));
					}
				}
				default -> out.append('.').append(key);
			}
		}
		return out.toString();
	}

}
