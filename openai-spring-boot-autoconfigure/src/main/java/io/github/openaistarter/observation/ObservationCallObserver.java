package io.github.openaistarter.observation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import io.github.openaistarter.chat.ChatOperationNames;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.Choice;
import io.github.openaistarter.chat.model.ChunkChoice;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.OpenAiCallObserver;
import io.github.openaistarter.core.OpenAiEndpoint;
import io.github.openaistarter.core.OpenAiResponse;
import io.github.openaistarter.core.ResponseMetadata;

import org.springframework.http.HttpHeaders;

/**
 * Observes every OpenAI call with a Micrometer {@link Observation} named after the GenAI
 * conventions: a timer and long-task timer with Boot's default handlers, a span with a
 * tracing bridge, and the meters of {@link OpenAiMeterObservationHandler}. A cancelled
 * call ends its observation with outcome {@code cancelled}, not as an error.
 */
public final class ObservationCallObserver implements OpenAiCallObserver {

	private final ObservationRegistry registry;

	private final @Nullable OpenAiObservationConvention convention;

	private final @Nullable OpenAiEndpoint endpoint;

	private final int maxContentLength;

	/**
	 * Creates an observer. One observer serves every client: each transport binds it to
	 * its own {@link OpenAiEndpoint} (client name, server, provider) when it is built.
	 * @param registry the registry to observe in
	 * @param convention a convention replacing the default, or {@code null}
	 * @param maxContentLength 0 to never record prompts and answers; else the most
	 * characters of each recorded
	 */
	public ObservationCallObserver(ObservationRegistry registry, @Nullable OpenAiObservationConvention convention,
			int maxContentLength) {
		this(registry, convention, null, maxContentLength);
	}

	private ObservationCallObserver(ObservationRegistry registry, @Nullable OpenAiObservationConvention convention,
			@Nullable OpenAiEndpoint endpoint, int maxContentLength) {
		this.registry = registry;
		this.convention = convention;
		this.endpoint = endpoint;
		this.maxContentLength = maxContentLength;
	}

	@Override
	public OpenAiCallObserver forEndpoint(OpenAiEndpoint endpoint) {
		return new ObservationCallObserver(this.registry, this.convention, endpoint, this.maxContentLength);
	}

	@Override
	public CallObservation start(String operation, @Nullable OpenAiCall call) {
		return start(operation, call, Context.empty());
	}

	/**
	 * Starts the observation of a call as a child of the observation in the subscriber's
	 * Reactor context (a page walk's, or WebFlux's observation of the server request),
	 * else of the registry's current observation.
	 */
	@Override
	public CallObservation start(String operation, @Nullable OpenAiCall call, ContextView reactorContext) {
		OpenAiObservationContext context = new OpenAiObservationContext(operation, (call != null) ? call.model() : null,
				ChatOperationNames.STREAM.equals(operation), this.endpoint);
		if (this.maxContentLength > 0 && call != null && call.body() != null) {
			String body = new String(call.body(), StandardCharsets.UTF_8);
			context.setRequestContent(
					(body.length() > this.maxContentLength) ? body.substring(0, this.maxContentLength) : body);
		}
		Observation observation = OpenAiObservationDocumentation.CLIENT_OPERATION.observation(this.convention,
				new DefaultOpenAiObservationConvention(), () -> context, this.registry);
		if (reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null) instanceof Observation parent) {
			observation.parentObservation(parent);
		}
		observation.start();
		context.markStarted();
		return new MicrometerCallObservation(observation, context);
	}

	/**
	 * The observation of one call.
	 */
	private final class MicrometerCallObservation implements CallObservation {

		private final Observation observation;

		private final OpenAiObservationContext context;

		MicrometerCallObservation(Observation observation, OpenAiObservationContext context) {
			this.observation = observation;
			this.context = context;
		}

		@Override
		public Context contribute(Context reactorContext) {
			return reactorContext.put(ObservationThreadLocalAccessor.KEY, this.observation);
		}

		@Override
		public void headers(HttpHeaders headers) {
			HttpHeaders propagated = this.context.getCarrier();
			if (propagated != null) {
				propagated.forEach(headers::put);
			}
		}

		@Override
		public void retrying(int attempt, Throwable failure, Duration delay) {
			this.context.setAttempts(attempt + 1);
			this.observation.event(Observation.Event.of("openai.retry", "retry after attempt " + attempt));
		}

		@Override
		public void response(ResponseMetadata metadata) {
			this.context.setStatus(metadata.status().value());
			this.context.setRequestId(metadata.requestId());
		}

		@Override
		public void item(Object item) {
			Object body = (item instanceof OpenAiResponse<?> response) ? response.body() : null;
			if (body instanceof ChatCompletion completion) {
				completed(completion);
			}
			else if (body instanceof ChatCompletionChunk chunk) {
				chunk(chunk);
			}
		}

		private void completed(ChatCompletion completion) {
			this.context.setCompletionId(completion.id());
			this.context.setResponseModel(completion.model());
			if (ChatOperationNames.CREATE.equals(this.context.getOperation())) {
				// a retrieved or updated stored completion carries the usage of the call
				// that created it
				this.context.setUsage(completion.usage());
			}
			for (Choice choice : completion.choices()) {
				if (choice.finishReason() != null) {
					this.context.addFinishReason(choice.finishReason().value());
				}
			}
			if (ObservationCallObserver.this.maxContentLength > 0 && !completion.choices().isEmpty()) {
				this.context.appendResponseContent(completion.text(), ObservationCallObserver.this.maxContentLength);
			}
		}

		private void chunk(ChatCompletionChunk chunk) {
			this.context.chunkArrived();
			this.context.setCompletionId(chunk.id());
			this.context.setResponseModel(chunk.model());
			if (chunk.usage() != null) {
				this.context.setUsage(chunk.usage());
			}
			for (ChunkChoice choice : chunk.choices()) {
				if (choice.finishReason() != null) {
					this.context.addFinishReason(choice.finishReason().value());
				}
			}
			if (ObservationCallObserver.this.maxContentLength > 0) {
				this.context.appendResponseContent(chunk.text(), ObservationCallObserver.this.maxContentLength);
			}
		}

		@Override
		public void success() {
			this.observation.stop();
		}

		@Override
		public void error(Throwable error) {
			this.observation.error(error);
			this.observation.stop();
		}

		@Override
		public void cancel() {
			this.context.setCancelled(true);
			this.observation.stop();
		}

	}

}
