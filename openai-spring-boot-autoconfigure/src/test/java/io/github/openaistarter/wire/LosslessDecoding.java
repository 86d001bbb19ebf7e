package io.github.openaistarter.wire;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.model.WireValue;

/**
 * Compares a JSON document with what our types decoded from it: every value a type models
 * must be there with the same value, and every field a type does not model must be in its
 * {@code additionalProperties} when the type keeps unknown fields. JSON {@code null}s
 * carry nothing to keep and are not compared.
 */
final class LosslessDecoding {

	private LosslessDecoding() {
	}

	/**
	 * The differences between a document and its decoded value.
	 * @param json the document
	 * @param decoded what our types decoded from it
	 * @return {@code path: problem} lines, empty when nothing was lost
	 */
	static List<String> differences(JsonNode json, Object decoded) {
		List<String> differences = new ArrayList<>();
		compare(json, decoded, "$", differences);
		return differences;
	}

	private static void compare(JsonNode json, Object value, String path, List<String> differences) {
		if (json == null || json.isNull() || json.isMissingNode()) {
			return;
		}
		if (value == null) {
			differences.add(path + ": dropped " + abbreviate(json));
		}
		else if (json.isObject()) {
			compareObject(json, value, path, differences);
		}
		else if (json.isArray()) {
			List<?> list = (value instanceof List<?> each) ? each : null;
			if (list == null || list.size() != json.size()) {
				differences.add(path + ": array " + abbreviate(json) + " read as " + abbreviate(value));
				return;
			}
			for (int i = 0; i < json.size(); i++) {
				compare(json.get(i), list.get(i), path + "[" + i + "]", differences);
			}
		}
		else if (!sameScalar(json, value)) {
			differences.add(path + ": " + abbreviate(json) + " read as " + abbreviate(value));
		}
	}

	private static void compareObject(JsonNode json, Object value, String path, List<String> differences) {
		if (value instanceof Map<?, ?> map) {
			json.properties()
				.forEach((field) -> compare(field.getValue(), map.get(field.getKey()), path + "." + field.getKey(),
						differences));
			return;
		}
		Map<String, Object> unknown = JavaModel.unknownFields(value);
		json.properties().forEach((field) -> {
			String name = field.getKey();
			Method accessor = JavaModel.accessor(value.getClass(), name);
			if (accessor != null) {
				compare(field.getValue(), JavaModel.read(value, accessor), path + "." + name, differences);
			}
			else if (unknown != null) {
				compare(field.getValue(), unknown.get(name), path + "." + name + " (unknown field)", differences);
			}
		});
	}

	private static boolean sameScalar(JsonNode json, Object value) {
		Object scalar = (value instanceof WireValue wire) ? wire.value() : value;
		if (json.isNumber() && scalar instanceof Number number) {
			boolean integral = number instanceof Integer || number instanceof Long || number instanceof Short
					|| number instanceof BigInteger;
			return (json.isIntegralNumber() && integral)
					? json.bigIntegerValue().equals(new BigInteger(number.toString()))
					: json.asDouble() == number.doubleValue();
		}
		if (json.isBoolean()) {
			return Boolean.valueOf(json.asBoolean()).equals(scalar);
		}
		return json.isValueNode() && json.asString().equals(String.valueOf(scalar));
	}

	private static String abbreviate(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 80) ? text.substring(0, 77) + "..." : text;
	}

}
