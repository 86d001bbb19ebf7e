package io.github.openaistarter.tool;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import reactor.util.context.ContextView;

import io.github.openaistarter.tool.ToolObservationDocumentation.Keys;

/**
 * The observation of one tool loop, ended once: by its outcome, or by a cancellation (a blocking stream closed
 * after it completed cancels too, and changes nothing then).
 */
final class LoopObservation {

	private final Observation observation;

	private final AtomicBoolean ended = new AtomicBoolean();

	private LoopObservation(Observation observation) {
		this.observation = observation;
	}

	/**
	 * Starts the observation of a loop, as a child of the observation in the subscriber's Reactor context.
	 * @param registry the registry
	 * @param context the subscriber's context
	 * @return the started observation
	 */
	static LoopObservation start(ObservationRegistry registry, ContextView context) {
		Observation observation = ToolObservationDocumentation.TOOL_LOOP.observation(registry)
			.contextualName("tool_loop")
			.lowCardinalityKeyValue(Keys.ERROR_TYPE.withValue("none"));
		if (context.getOrDefault(ObservationThreadLocalAccessor.KEY, null) instanceof Observation parent) {
			observation.parentObservation(parent);
		}
		return new LoopObservation(observation.start());
	}

	Observation observation() {
		return this.observation;
	}

	void succeeded(int rounds, int toolCalls) {
		if (this.ended.compareAndSet(false, true)) {
			this.observation.lowCardinalityKeyValue(Keys.OUTCOME.withValue("success"))
				.highCardinalityKeyValue(Keys.ROUNDS.withValue(String.valueOf(rounds)))
				.highCardinalityKeyValue(Keys.TOOL_CALLS.withValue(String.valueOf(toolCalls)))
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
