package io.github.openaistarter.chat.stream;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.OpenAiDecodingException;
import io.github.openaistarter.core.OpenAiError;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.ResponseMetadata;
import io.github.openaistarter.core.Secrets;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Decodes the body of a streamed completion into {@link ChatCompletionChunk}s: {@code data: {chunk}} events
 * until {@code data: [DONE]}. An {@code error} event becomes an {@link OpenAiStreamException}, and so does a
 * body that ends before {@code [DONE]}: a cut stream is an error, never a silent success.
 */
public final class ChunkStreamDecoder {

	private final JsonMapper jsonMapper;

	/**
	 * Creates a decoder.
	 * @param jsonMapper the mapper of OpenAI traffic
	 */
	public ChunkStreamDecoder(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Decodes a stream body.
	 * @param call the call that opened the stream, for messages
	 * @param metadata the stream response's metadata, for the request id
	 * @param body the raw body
	 * @return the chunks, completing after {@code [DONE]}
	 */
	public Flux<ChatCompletionChunk> decode(OpenAiCall call, ResponseMetadata metadata, Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			ServerSentEventParser parser = new ServerSentEventParser();
			AtomicBoolean done = new AtomicBoolean();
			return body.concatMapIterable(parser::feed)
				.<ChatCompletionChunk>handle((event, sink) -> {
					if (done.get()) {
						return;
					}
					if (event.isDone()) {
						done.set(true);
						return;
					}
					if ("error".equals(event.event())) {
						sink.error(streamError(call, metadata, errorObject(event), event));
						return;
					}
					ChatCompletionChunk chunk = read(call, metadata, event);
					Object error = chunk.additionalProperties().get("error");
					if (error != null) {
						sink.error(streamError(call, metadata, error, event));
						return;
					}
					sink.next(chunk);
				})
				.concatWith(Flux.defer(() -> done.get() ? Flux.empty()
						: Flux.error(new OpenAiStreamException(call.describe() + " stream ended before [DONE]; the answer"
								+ " may be incomplete", OpenAiError.NONE, null, metadata.requestId()))));
		});
	}

	private ChatCompletionChunk read(OpenAiCall call, ResponseMetadata metadata, ServerSentEvent event) {
		try {
			return this.jsonMapper.readValue(event.data(), ChatCompletionChunk.class);
		}
		catch (JacksonException ex) {
			throw new OpenAiDecodingException("Could not read a chunk of " + call.describe() + ": "
					+ ex.getOriginalMessage(), ex, metadata.requestId());
		}
	}

	/**
	 * The {@code error} object of an {@code event: error} event, or {@code null} when its data is not JSON or
	 * has none (its text then becomes the message).
	 */
	private @Nullable Object errorObject(ServerSentEvent event) {
		try {
			JsonNode error = this.jsonMapper.readTree(event.data()).get("error");
			return (error != null && error.isObject()) ? error : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private OpenAiStreamException streamError(OpenAiCall call, ResponseMetadata metadata, @Nullable Object error,
			ServerSentEvent event) {
		OpenAiError decoded = (error != null) ? this.jsonMapper.convertValue(error, OpenAiError.class)
				: new OpenAiError(Secrets.redact(event.dataAsText()), null, null, null);
		return new OpenAiStreamException(call.describe() + " stream failed: " + decoded.describe(), decoded, null,
				metadata.requestId());
	}

}
