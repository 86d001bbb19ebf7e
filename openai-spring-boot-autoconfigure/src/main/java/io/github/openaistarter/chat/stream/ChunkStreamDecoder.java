package io.github.openaistarter.chat.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChunkChoice;
import io.github.openaistarter.core.OpenAiCall;
import io.github.openaistarter.core.OpenAiDecodingException;
import io.github.openaistarter.core.OpenAiError;
import io.github.openaistarter.core.OpenAiException;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.ResponseMetadata;
import io.github.openaistarter.core.Secrets;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * Decodes the body of a streamed completion into {@link ChatCompletionChunk}s:
 * {@code data: {chunk}} events until {@code data: [DONE]}. An {@code error} event, or
 * data whose {@code error} member is set (an object, or a string as some compatible
 * servers send), becomes an {@link OpenAiStreamException} with the server's message;
 * events with another name than {@code message} or {@code error} (an {@code event: done})
 * are skipped. A body that ends before {@code [DONE]} is an {@link OpenAiStreamException}
 * too, a cut stream never being a silent success, unless every choice had finished or the
 * usage chunk had come, as servers that omit {@code [DONE]} end.
 */
public final class ChunkStreamDecoder {

	private final JsonMapper jsonMapper;

	/** Reads chunks without resolving the type and its deserializer on every chunk. */
	private final ObjectReader chunkReader;

	/**
	 * Creates a decoder.
	 * @param jsonMapper the mapper of OpenAI traffic
	 */
	public ChunkStreamDecoder(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		this.chunkReader = jsonMapper.readerFor(ChatCompletionChunk.class);
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
			Reading reading = new Reading(call, metadata);
			return body.onErrorMap((ex) -> !(ex instanceof OpenAiException), (ex) -> cut(call, metadata, ex))
				.concatMapIterable(reading::feed)
				.concatWith(Flux.defer(() -> Flux.fromIterable(reading.finish())))
				.handle((item, sink) -> {
					if (item instanceof ChatCompletionChunk chunk) {
						sink.next(chunk);
					}
					else {
						sink.error((Throwable) item);
					}
				});
		});
	}

	/**
	 * The decoding of one stream: its events, read in place as the parser finds them,
	 * become chunks, or the failure that ends the stream after the chunks before it.
	 */
	private final class Reading implements ServerSentEventParser.Listener {

		private final OpenAiCall call;

		private final ResponseMetadata metadata;

		private final ServerSentEventParser parser = new ServerSentEventParser();

		private final StreamEnd end = new StreamEnd();

		private boolean failed;

		/**
		 * What the buffer being fed completed: chunks, then perhaps a failure. Each feed
		 * starts a list of its own, which the stream then emits.
		 */
		private List<Object> items = List.of();

		Reading(OpenAiCall call, ResponseMetadata metadata) {
			this.call = call;
			this.metadata = metadata;
		}

		List<Object> feed(DataBuffer buffer) {
			this.items = new ArrayList<>(2);
			this.parser.feed(buffer, this);
			return taken();
		}

		/**
		 * What the end of the body completed: a last event without its blank line, then
		 * the failure of a stream that ended before {@code [DONE]} (unless its end was
		 * otherwise complete).
		 */
		List<Object> finish() {
			this.items = new ArrayList<>(1);
			this.parser.finish(this);
			if (!this.failed && !this.end.isComplete()) {
				fail(new OpenAiStreamException(
						this.call.describe() + " stream ended before [DONE]; the answer may be incomplete",
						OpenAiError.NONE, null, this.metadata.requestId()));
			}
			return taken();
		}

		/**
		 * Hands over the items of a feed, keeping no reference to them: an open stream
		 * does not hold its last chunk.
		 */
		private List<Object> taken() {
			List<Object> taken = this.items;
			this.items = List.of();
			return taken;
		}

		@Override
		public void event(@Nullable String event, byte[] data, int offset, int length) {
			if (this.failed || this.end.done || length == 0) {
				return;
			}
			if (ServerSentEvent.isDone(data, offset, length)) {
				this.end.done = true;
				return;
			}
			if ("error".equals(event)) {
				fail(streamError(this.call, this.metadata, readTree(data, offset, length),
						new String(data, offset, length, StandardCharsets.UTF_8)));
				return;
			}
			if (event != null && !"message".equals(event)) {
				return;
			}
			ChatCompletionChunk chunk;
			try {
				chunk = read(this.call, this.metadata, data, offset, length);
			}
			catch (OpenAiDecodingException ex) {
				fail(ex);
				return;
			}
			if (chunk.additionalProperties().get("error") != null) {
				// the members a chunk does not model: the error, and a message beside it
				// if the server sent one
				fail(streamError(this.call, this.metadata,
						ChunkStreamDecoder.this.jsonMapper.valueToTree(chunk.additionalProperties()),
						new String(data, offset, length, StandardCharsets.UTF_8)));
				return;
			}
			this.end.saw(chunk);
			this.items.add(chunk);
		}

		private void fail(Throwable failure) {
			this.failed = true;
			this.items.add(failure);
		}

	}

	/**
	 * What a stream has shown of its end: {@code [DONE]}, or (for servers that omit it)
	 * every choice finished or the usage chunk, which comes last.
	 */
	private static final class StreamEnd {

		private boolean done;

		private boolean usage;

		/**
		 * The choice indexes tracked, 0 to 63: a stream with a choice beyond them (OpenAI
		 * allows {@code n} up to 128, and always sends {@code [DONE]}) is known to be
		 * complete only by {@code [DONE]} or the usage chunk.
		 */
		private static final int TRACKED_CHOICES = Long.SIZE;

		/**
		 * The choice indexes seen, and those finished, as bits: small for every open
		 * stream.
		 */
		private long open;

		private long finished;

		/** Whether a choice index outside the tracked ones was seen. */
		private boolean untracked;

		void saw(ChatCompletionChunk chunk) {
			if (chunk.choices().isEmpty() && chunk.usage() != null) {
				this.usage = true;
			}
			for (ChunkChoice choice : chunk.choices()) {
				int index = choice.index();
				if (index < 0 || index >= TRACKED_CHOICES) {
					this.untracked = true;
					continue;
				}
				this.open |= 1L << index;
				if (choice.finishReason() != null) {
					this.finished |= 1L << index;
				}
			}
		}

		boolean isComplete() {
			// a finished index was seen open too: the bits are equal once all finished
			return this.done || this.usage || (!this.untracked && this.open != 0 && this.open == this.finished);
		}

	}

	/**
	 * A stream that began and then failed to deliver its body (connection reset or closed
	 * mid-stream).
	 */
	private static OpenAiStreamException cut(OpenAiCall call, ResponseMetadata metadata, Throwable ex) {
		return new OpenAiStreamException(
				call.describe() + " stream was cut before [DONE]: " + Secrets.redact(String.valueOf(ex.getMessage())),
				OpenAiError.NONE, ex, metadata.requestId());
	}

	private ChatCompletionChunk read(OpenAiCall call, ResponseMetadata metadata, byte[] data, int offset, int length) {
		try {
			return this.chunkReader.readValue(data, offset, length);
		}
		catch (JacksonException ex) {
			throw new OpenAiDecodingException(
					"Could not read a chunk of " + call.describe() + ": " + ex.getOriginalMessage(), ex,
					metadata.requestId());
		}
	}

	/**
	 * The data of an event as JSON, or {@code null} when it is not JSON (an {@code error}
	 * event's data need not be).
	 */
	private @Nullable JsonNode readTree(byte[] data, int offset, int length) {
		try {
			return this.jsonMapper.readTree(data, offset, length);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private OpenAiStreamException streamError(OpenAiCall call, ResponseMetadata metadata, @Nullable JsonNode data,
			String text) {
		OpenAiError read = (data != null) ? OpenAiError.from(data) : null;
		OpenAiError decoded = (read != null) ? read : new OpenAiError(Secrets.redact(text), null, null, null);
		return new OpenAiStreamException(call.describe() + " stream failed: " + decoded.describe(), decoded, null,
				metadata.requestId());
	}

}
