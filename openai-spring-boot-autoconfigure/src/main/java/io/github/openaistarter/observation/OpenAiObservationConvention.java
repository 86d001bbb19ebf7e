package io.github.openaistarter.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and keys of OpenAI observations. Declare a bean of this type to replace
 * {@link DefaultOpenAiObservationConvention}, or extend the default to add keys.
 */
public interface OpenAiObservationConvention extends ObservationConvention<OpenAiObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof OpenAiObservationContext;
	}

}
