package io.github.openaistarter.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes chunks as a {@code text/event-stream}: one {@code data: {chunk}} event each,
 * paced by the chunk delay, then {@code data: [DONE]}. Under a stream {@link Fault},
 * after the fault's number of chunks: an {@code error} event in place of the rest, an end
 * without {@code [DONE]}, a dropped connection, or a stall before the rest.
 */
final class EventStreamWriter {

	private static final String DONE = "[DONE]";

	private EventStreamWriter() {
	}

	static Publisher<Void> write(HttpServerResponse response, List<ObjectNode> chunks, Duration delay,
			@Nullable Fault fault) {
		response.header("content-type", "text/event-stream; charset=utf-8").header("cache-control", "no-cache");
		Fault.Kind kind = (fault != null) ? fault.kind() : null;
		int sent = (fault != null && kind != Fault.Kind.STREAM_STALL) ? Math.min(fault.chunks(), chunks.size())
				: chunks.size();
		Flux<String> events = Flux.range(0, sent)
			.concatMap((index) -> event(Json.text(chunks.get(index)), pause(index, delay, fault)));
		if (kind == Fault.Kind.STREAM_CUT) {
			return response.sendString(events, StandardCharsets.UTF_8);
		}
		if (kind == Fault.Kind.STREAM_RESET) {
			return response.sendString(events, StandardCharsets.UTF_8)
				.then(Mono.fromRunnable(() -> response.withConnection(EventStreamWriter::reset)));
		}
		String last = (kind == Fault.Kind.STREAM_ERROR) ? Json.text(ApiError.serverError(500).toJson()) : DONE;
		return response.sendString(events.concatWith(event(last, pause(sent, delay, fault))), StandardCharsets.UTF_8);
	}

	/** Drops a connection at once, with a TCP reset rather than an orderly close. */
	static void reset(Connection connection) {
		connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
		connection.channel().close();
	}

	private static Mono<String> event(String data, Duration pause) {
		Mono<String> event = Mono.just("data: " + data + "\n\n");
		return pause.isZero() ? event : event.delayElement(pause);
	}

	/**
	 * The pause before the event at an index: the stall of a stalled stream, else the
	 * chunk delay.
	 */
	private static Duration pause(int index, Duration delay, @Nullable Fault fault) {
		if (fault != null && fault.kind() == Fault.Kind.STREAM_STALL && fault.chunks() == index) {
			return fault.duration();
		}
		return (index > 0) ? delay : Duration.ZERO;
	}

}
