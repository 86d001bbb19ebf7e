package io.github.openaistarter.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.ReferenceCounted;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.Page;

/**
 * The floor: the least any correct client must do. Reactor Netty posts the pre-built request bytes with the
 * credentials, checks the status and decodes the body with Jackson into the same model objects the starter uses
 * (a stream: split into lines across buffers, each {@code data:} line decoded until {@code [DONE]}). No
 * retries, observations, timeouts, rate-limit headers or error mapping. Its pool allows 2,000 connections
 * ({@code bench.floor.max-connections} sets it), so it never caps the calls in flight.
 */
final class FloorClient extends PooledFloorClient {

	private static final JavaType PAGE = MAPPER.constructType(new TypeReference<Page<ChatCompletion>>() {
	});

	private final HttpClient http;

	private final boolean blocking;

	/**
	 * A floor driven through its asynchronous API.
	 * @param baseUrl the stand-in's base URL
	 */
	FloorClient(String baseUrl) {
		this(baseUrl, false);
	}

	/**
	 * A floor driven as the starter's blocking API is: each call blocked on by its own thread (a virtual one when
	 * the JVM has them), each stream read on it. What blocking costs of itself, at the floor.
	 * @param baseUrl the stand-in's base URL
	 * @param blocking whether callers block on it
	 */
	FloorClient(String baseUrl, boolean blocking) {
		super(blocking ? "floor-blocking" : "floor");
		this.blocking = blocking;
		this.http = HttpClient.create(this.provider)
			.baseUrl(baseUrl)
			.headers((headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer sk-benchmark"));
	}

	@Override
	public Mono<ChatCompletion> createMono() {
		return this.http.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.set(HttpHeaderNames.ACCEPT, "application/json"))
			.post()
			.uri("/chat/completions")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(Payloads.REQUEST)))
			.responseSingle((response, body) -> {
				check(response);
				return body.asInputStream().map((in) -> read(in, COMPLETION));
			});
	}

	private static void check(HttpClientResponse response) {
		if (response.status().code() != 200) {
			throw new IllegalStateException("status " + response.status());
		}
	}

	Flux<ChatCompletionChunk> streamFlux() {
		return this.http.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.set(HttpHeaderNames.ACCEPT, "text/event-stream"))
			.post()
			.uri("/chat/completions")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(Payloads.STREAM_REQUEST)))
			.response((response, body) -> {
				check(response);
				Lines lines = new Lines();
				return body.retain().concatMapIterable(lines::feed).doOnDiscard(ByteBuf.class, ReferenceCounted::release);
			});
	}

	@Override
	public boolean isAsync() {
		return !this.blocking;
	}

	@Override
	public int stream(LongConsumer onChunk) {
		// blocking: read on the caller's thread, through Reactor's own blocking stream
		return this.blocking
				? BenchClient.readAll(streamFlux().toStream(32), ChatCompletionChunk::created, onChunk)
				: BenchClient.readAll(streamFlux(), ChatCompletionChunk::created, onChunk);
	}

	@Override
	public boolean isAsyncStream() {
		return !this.blocking;
	}

	@Override
	public void streamAsync(LongConsumer onChunk, Consumer<Throwable> onEnd) {
		BenchClient.subscribe(streamFlux(), ChatCompletionChunk::created, onChunk, onEnd);
	}

	@Override
	public Object list() {
		return this.http.headers((headers) -> headers.set(HttpHeaderNames.ACCEPT, "application/json"))
			.get()
			.uri("/chat/completions?limit=" + Payloads.PAGE_SIZE)
			.responseSingle((response, body) -> {
				check(response);
				return body.asInputStream().map((in) -> read(in, PAGE));
			})
			.block();
	}

	/** Splits the body into lines across buffers and decodes each {@code data:} line but {@code [DONE]}. */
	private static final class Lines {

		private byte[] carry = new byte[4096];

		private int length;

		List<ChatCompletionChunk> feed(ByteBuf buffer) {
			try {
				int readable = buffer.readableBytes();
				if (this.length + readable > this.carry.length) {
					this.carry = Arrays.copyOf(this.carry, Math.max(this.carry.length * 2, this.length + readable));
				}
				buffer.readBytes(this.carry, this.length, readable);
				this.length += readable;
			}
			finally {
				buffer.release();
			}
			List<ChatCompletionChunk> chunks = new ArrayList<>(4);
			int start = 0;
			for (int i = 0; i < this.length; i++) {
				if (this.carry[i] == '\n') {
					line(start, i, chunks);
					start = i + 1;
				}
			}
			System.arraycopy(this.carry, start, this.carry, 0, this.length - start);
			this.length -= start;
			return chunks;
		}

		private void line(int start, int end, List<ChatCompletionChunk> chunks) {
			if (end - start > 6 && this.carry[start] == 'd' && this.carry[start + 4] == ':'
					&& this.carry[start + 6] != '[') {
				chunks.add(MAPPER.readValue(this.carry, start + 6, end - start - 6, ChatCompletionChunk.class));
			}
		}

	}

}
