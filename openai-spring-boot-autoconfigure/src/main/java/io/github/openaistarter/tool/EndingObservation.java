package io.github.openaistarter.tool;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;

import io.github.openaistarter.tool.ToolObservationDocumentation.Keys;

/**
 * A started observation of the loop or of one tool call, ended once with its outcome:
 * {@code success}, {@code error} or {@code cancelled}, whichever comes first (a call
 * cancelled while its tool fails, or a blocking stream closed after it completed, changes
 * nothing then).
 */
final class EndingObservation {

	private final Observation observation;

	private final AtomicBoolean ended = new AtomicBoolean();

	/**
	 * Starts an observation.
	 * @param observation the observation, not started, with its keys so far
	 * ({@code error.type} included)
	 */
	EndingObservation(Observation observation) {
		this.observation = observation.start();
	}

	Observation observation() {
		return this.observation;
	}

	void succeeded(KeyValues highCardinality) {
		if (this.ended.compareAndSet(false, true)) {
			this.observation.lowCardinalityKeyValue(Keys.OUTCOME.withValue("success"))
				.highCardinalityKeyValues(highCardinality)
				.stop();
		}
	}

	void failed(Throwable failure) {
		if (this.ended.compareAndSet(false, true)) {
			this.observation.lowCardinalityKeyValue(Keys.OUTCOME.withValue("error"))
				.lowCardinalityKeyValue(Keys.ERROR_TYPE.withValue(failure.getClass().getSimpleName()))
				.error(failure)
				.stop();
		}
	}

	void cancelled() {
		if (this.ended.compareAndSet(false, true)) {
			this.observation.lowCardinalityKeyValue(Keys.OUTCOME.withValue("cancelled")).stop();
		}
	}

}
