package io.github.openaistarter.observation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

import io.github.openaistarter.chat.model.Usage;
import io.github.openaistarter.core.OpenAiEndpoint;

import org.springframework.http.HttpHeaders;

/**
 * What an observation of an OpenAI call knows: the operation and requested model when it
 * starts; the response's status, request id, model, completion id, finish reasons and
 * token usage as they arrive; for a stream, the time to its first chunk and the chunk
 * count; retries; and how it ended.
 *
 * <p>
 * It is a client {@link SenderContext} whose carrier is a set of headers: a tracing
 * handler injects the trace context there when the observation starts, and every attempt
 * of the call sends those headers ({@link #getCarrier()}), so the server side of a trace
 * is the child of the call's span.
 */
public class OpenAiObservationContext extends SenderContext<HttpHeaders> {

	private final String operation;

	private final @Nullable String requestModel;

	private final boolean streaming;

	private final @Nullable OpenAiEndpoint endpoint;

	private long startNanos = System.nanoTime();

	private int attempts = 1;

	private @Nullable Integer status;

	private @Nullable String requestId;

	private @Nullable String responseModel;

	private @Nullable String completionId;

	private final Set<String> finishReasons = new LinkedHashSet<>();

	private @Nullable Usage usage;

	private long firstChunkNanos = -1;

	private int chunkCount;

	private boolean cancelled;

	private @Nullable String requestContent;

	private final StringBuilder responseContent = new StringBuilder();

	/**
	 * Creates a context.
	 * @param operation the operation, for example {@code chat.completions.create}
	 * @param requestModel the model the call asks for, or {@code null}
	 * @param streaming whether the answer is a stream
	 * @param endpoint the client and server called, or {@code null} when unknown
	 */
	public OpenAiObservationContext(String operation, @Nullable String requestModel, boolean streaming,
			@Nullable OpenAiEndpoint endpoint) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.set(key, value);
			}
		}, Kind.CLIENT);
		setCarrier(new HttpHeaders());
		if (endpoint != null) {
			setRemoteServiceName(endpoint.providerName());
			setRemoteServiceAddress(endpoint.baseUrl());
		}
		this.operation = operation;
		this.requestModel = requestModel;
		this.streaming = streaming;
		this.endpoint = endpoint;
	}

	/**
	 * The operation, as documented in {@link OpenAiObservationDocumentation}.
	 * @return for example {@code chat.completions.create}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The model the call asks for.
	 * @return the model, or {@code null} when the operation names none
	 */
	public @Nullable String getRequestModel() {
		return this.requestModel;
	}

	/**
	 * Whether the answer is a stream.
	 * @return {@code true} for the stream operation
	 */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * The client and server called: the client's name, {@code server.address},
	 * {@code server.port} and the provider.
	 * @return the endpoint, or {@code null} when unknown
	 */
	public @Nullable OpenAiEndpoint getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Marks the start of the call, from which the time to first chunk is measured: when
	 * the observation starts, so that both measure the same span of time.
	 */
	void markStarted() {
		this.startNanos = System.nanoTime();
	}

	/**
	 * The attempts made so far (1 plus the retries).
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	void setAttempts(int attempts) {
		this.attempts = attempts;
	}

	/**
	 * The HTTP status of the last response.
	 * @return the status, or {@code null} when none arrived
	 */
	public @Nullable Integer getStatus() {
		return this.status;
	}

	void setStatus(int status) {
		this.status = status;
	}

	/**
	 * The {@code x-request-id} of the last response.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	void setRequestId(@Nullable String requestId) {
		this.requestId = requestId;
	}

	/**
	 * The model that answered.
	 * @return the model, or {@code null}
	 */
	public @Nullable String getResponseModel() {
		return this.responseModel;
	}

	void setResponseModel(@Nullable String responseModel) {
		this.responseModel = responseModel;
	}

	/**
	 * The id of the completion created or read.
	 * @return the id, or {@code null}
	 */
	public @Nullable String getCompletionId() {
		return this.completionId;
	}

	void setCompletionId(@Nullable String completionId) {
		this.completionId = completionId;
	}

	/**
	 * Why the choices stopped.
	 * @return the distinct finish reasons, in order of arrival
	 */
	public List<String> getFinishReasons() {
		return new ArrayList<>(this.finishReasons);
	}

	void addFinishReason(String finishReason) {
		this.finishReasons.add(finishReason);
	}

	/**
	 * The tokens used.
	 * @return the usage, or {@code null} when the answer reported none
	 */
	public @Nullable Usage getUsage() {
		return this.usage;
	}

	void setUsage(@Nullable Usage usage) {
		this.usage = usage;
	}

	/**
	 * Nanoseconds from the start of the call to the first chunk of a stream.
	 * @return the time to first chunk, or -1 before it
	 */
	public long getTimeToFirstChunkNanos() {
		return (this.firstChunkNanos < 0) ? -1 : this.firstChunkNanos - this.startNanos;
	}

	/**
	 * The chunks a stream delivered.
	 * @return the chunk count
	 */
	public int getChunkCount() {
		return this.chunkCount;
	}

	void chunkArrived() {
		if (this.chunkCount++ == 0) {
			this.firstChunkNanos = System.nanoTime();
		}
	}

	/**
	 * Whether the caller cancelled the call.
	 * @return {@code true} if cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	void setCancelled(boolean cancelled) {
		this.cancelled = cancelled;
	}

	/**
	 * The request body, only when content recording is on.
	 * @return the request JSON, or {@code null}
	 */
	public @Nullable String getRequestContent() {
		return this.requestContent;
	}

	void setRequestContent(@Nullable String requestContent) {
		this.requestContent = requestContent;
	}

	/**
	 * The answer's text, only when content recording is on.
	 * @return the text, empty when not recorded
	 */
	public String getResponseContent() {
		return this.responseContent.toString();
	}

	void appendResponseContent(String text, int maxLength) {
		int room = maxLength - this.responseContent.length();
		if (room > 0) {
			this.responseContent.append(text, 0, Math.min(room, text.length()));
		}
	}

}
