package io.github.openaistarter.core;

import java.time.Duration;
import java.util.List;

import reactor.util.context.Context;

import org.springframework.http.HttpHeaders;

/**
 * Tells several observations of one call the same events.
 */
final class CompositeCallObservation implements OpenAiCallObserver.CallObservation {

	private final List<OpenAiCallObserver.CallObservation> observations;

	CompositeCallObservation(List<OpenAiCallObserver.CallObservation> observations) {
		this.observations = observations;
	}

	@Override
	public Context contribute(Context context) {
		Context result = context;
		for (OpenAiCallObserver.CallObservation observation : this.observations) {
			result = observation.contribute(result);
		}
		return result;
	}

	@Override
	public void headers(HttpHeaders headers) {
		this.observations.forEach((observation) -> observation.headers(headers));
	}

	@Override
	public void retrying(int attempt, Throwable failure, Duration delay) {
		this.observations.forEach((observation) -> observation.retrying(attempt, failure, delay));
	}

	@Override
	public void response(ResponseMetadata metadata) {
		this.observations.forEach((observation) -> observation.response(metadata));
	}

	@Override
	public void item(Object item) {
		this.observations.forEach((observation) -> observation.item(item));
	}

	@Override
	public void success() {
		this.observations.forEach(OpenAiCallObserver.CallObservation::success);
	}

	@Override
	public void error(Throwable error) {
		this.observations.forEach((observation) -> observation.error(error));
	}

	@Override
	public void cancel() {
		this.observations.forEach(OpenAiCallObserver.CallObservation::cancel);
	}

}
