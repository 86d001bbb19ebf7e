package io.github.openaistarter.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of OpenAI traffic. It belongs to this library, not to the application,
 * so {@code spring.jackson.*} settings (naming strategy, inclusion, date format) never
 * change the wire format.
 */
public final class OpenAiJson {

	private OpenAiJson() {
	}

	/**
	 * Creates the mapper: unset (null) fields omitted, unknown fields and nulls for
	 * primitives tolerated.
	 * @return a new mapper
	 */
	public static JsonMapper createMapper() {
		return JsonMapper.builder()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
	}

}
