package io.github.openaistarter.chat.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ServerSentEventParser}.
 */
class ServerSentEventParserTests {

	private final DefaultDataBufferFactory bufferFactory = DefaultDataBufferFactory.sharedInstance;

	@Test
	void eventIsParsedWhateverTheSplitIntoTwoBuffers() {
		byte[] body = "event: message\ndata: {\"content\":\"héllo\"}\n\n".getBytes(StandardCharsets.UTF_8);
		for (int split = 0; split <= body.length; split++) {
			ServerSentEventParser parser = new ServerSentEventParser();
			List<ServerSentEvent> events = new ArrayList<>();
			events.addAll(parser.feed(buffer(Arrays.copyOfRange(body, 0, split))));
			events.addAll(parser.feed(buffer(Arrays.copyOfRange(body, split, body.length))));
			assertThat(events).as("split at %d", split).hasSize(1);
			assertThat(events.get(0).event()).as("split at %d", split).isEqualTo("message");
			assertThat(events.get(0).dataAsText()).as("split at %d", split).isEqualTo("{\"content\":\"héllo\"}");
		}
	}

	@Test
	void eventsAreParsedWhateverTheSplitIntoThreeBuffers() {
		byte[] body = "data: first\r\n\r\n: keep-alive\r\nevent: error\r\ndata: sec\r\ndata: ond\r\n\r\n"
			.getBytes(StandardCharsets.UTF_8);
		for (int first = 0; first <= body.length; first++) {
			for (int second = first; second <= body.length; second++) {
				ServerSentEventParser parser = new ServerSentEventParser();
				List<ServerSentEvent> events = new ArrayList<>();
				events.addAll(parser.feed(buffer(Arrays.copyOfRange(body, 0, first))));
				events.addAll(parser.feed(buffer(Arrays.copyOfRange(body, first, second))));
				events.addAll(parser.feed(buffer(Arrays.copyOfRange(body, second, body.length))));
				String split = "split at " + first + " and " + second;
				assertThat(events).as(split).hasSize(2);
				assertThat(events.get(0).event()).as(split).isNull();
				assertThat(events.get(0).dataAsText()).as(split).isEqualTo("first");
				assertThat(events.get(1).event()).as(split).isEqualTo("error");
				assertThat(events.get(1).dataAsText()).as(split).isEqualTo("sec\nond");
			}
		}
	}

	@Test
	void eventsAreParsedFromOneByteBuffers() {
		byte[] body = "data: a\n\ndata: b\n\n".getBytes(StandardCharsets.UTF_8);
		ServerSentEventParser parser = new ServerSentEventParser();
		List<String> data = new ArrayList<>();
		for (byte b : body) {
			parser.feed(buffer(new byte[] { b })).forEach((event) -> data.add(event.dataAsText()));
		}
		assertThat(data).containsExactly("a", "b");
	}

	@Test
	void severalEventsInOneBufferAreParsedInOrder() {
		List<ServerSentEvent> events = parse("data: 1\n\ndata: 2\n\ndata: [DONE]\n\n");
		assertThat(events).extracting(ServerSentEvent::dataAsText).containsExactly("1", "2", "[DONE]");
		assertThat(events.get(2).isDone()).isTrue();
		assertThat(events.get(0).isDone()).isFalse();
	}

	@Test
	void crlfLineEndingsAreAccepted() {
		List<ServerSentEvent> events = parse("event: ping\r\ndata: a\r\n\r\ndata: b\r\n\r\n");
		assertThat(events).extracting(ServerSentEvent::event).containsExactly("ping", null);
		assertThat(events).extracting(ServerSentEvent::dataAsText).containsExactly("a", "b");
	}

	@Test
	void commentsAreSkipped() {
		assertThat(parse(": keep-alive\n\n")).isEmpty();
		List<ServerSentEvent> events = parse(":comment\ndata: x\n: another\n\n");
		assertThat(events).extracting(ServerSentEvent::dataAsText).containsExactly("x");
	}

	@Test
	void eventFieldIsKeptForItsEventOnly() {
		List<ServerSentEvent> events = parse("event: error\ndata: {\"error\":{}}\n\ndata: next\n\n");
		assertThat(events).extracting(ServerSentEvent::event).containsExactly("error", null);
	}

	@Test
	void multiLineDataIsJoinedWithNewlines() {
		List<ServerSentEvent> events = parse("data: {\ndata: \"a\": 1\ndata: }\n\n");
		assertThat(events).extracting(ServerSentEvent::dataAsText).containsExactly("{\n\"a\": 1\n}");
	}

	@Test
	void eventWithoutTrailingBlankLineAtTheEndIsDropped() {
		assertThat(parse("data: complete\n\ndata: cut")).extracting(ServerSentEvent::dataAsText)
			.containsExactly("complete");
		assertThat(parse("data: complete\n\ndata: [DONE]\n")).extracting(ServerSentEvent::dataAsText)
			.containsExactly("complete");
	}

	@Test
	void finishDispatchesACompleteEventWhoseBlankLineNeverCame() {
		ServerSentEventParser parser = new ServerSentEventParser();
		assertThat(parser.feed(buffer("data: complete\n\ndata: [DONE]\n".getBytes(StandardCharsets.UTF_8))))
			.extracting(ServerSentEvent::dataAsText)
			.containsExactly("complete");
		assertThat(parser.finish()).extracting(ServerSentEvent::dataAsText).containsExactly("[DONE]");
	}

	@Test
	void finishDropsALineCutBeforeItsEnd() {
		ServerSentEventParser parser = new ServerSentEventParser();
		assertThat(parser.feed(buffer("data: {\"id\":\"chatcmpl-1\",\"cho".getBytes(StandardCharsets.UTF_8))))
			.isEmpty();
		assertThat(parser.finish()).isEmpty();
	}

	@Test
	void eventIsCompletedByALaterBuffer() {
		ServerSentEventParser parser = new ServerSentEventParser();
		assertThat(parser.feed(buffer("data: later".getBytes(StandardCharsets.UTF_8)))).isEmpty();
		assertThat(parser.feed(buffer("\n".getBytes(StandardCharsets.UTF_8)))).isEmpty();
		assertThat(parser.feed(buffer("\n".getBytes(StandardCharsets.UTF_8)))).extracting(ServerSentEvent::dataAsText)
			.containsExactly("later");
	}

	@Test
	void emptyDataIsAnEventWithEmptyData() {
		assertThat(parse("data:\n\n")).extracting(ServerSentEvent::dataAsText).containsExactly("");
		assertThat(parse("data\n\n")).extracting(ServerSentEvent::dataAsText).containsExactly("");
		assertThat(parse("data: \n\n")).extracting(ServerSentEvent::dataAsText).containsExactly("");
	}

	@Test
	void blankLinesWithoutDataDispatchNothing() {
		assertThat(parse("\n\n\r\n")).isEmpty();
		assertThat(parse("event: lonely\n\ndata: x\n\n")).extracting(ServerSentEvent::event)
			.containsExactly((String) null);
	}

	@Test
	void onlyOneSpaceAfterTheColonIsRemoved() {
		assertThat(parse("data:nospace\n\ndata:  two\n\n")).extracting(ServerSentEvent::dataAsText)
			.containsExactly("nospace", " two");
	}

	@Test
	void otherFieldsAreIgnored() {
		assertThat(parse("id: 7\nretry: 1000\ndata: x\nunknown: y\n\n")).extracting(ServerSentEvent::dataAsText)
			.containsExactly("x");
	}

	@Test
	void feedReleasesEachBuffer() {
		NettyDataBufferFactory nettyFactory = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);
		NettyDataBuffer first = nettyFactory.wrap(Unpooled.copiedBuffer("data: a\n", StandardCharsets.UTF_8));
		NettyDataBuffer second = nettyFactory.wrap(Unpooled.copiedBuffer("\n", StandardCharsets.UTF_8));
		ServerSentEventParser parser = new ServerSentEventParser();
		parser.feed(first);
		assertThat(parser.feed(second)).hasSize(1);
		assertThat(first.getNativeBuffer().refCnt()).isZero();
		assertThat(second.getNativeBuffer().refCnt()).isZero();
	}

	@Test
	void bufferIsReadFromItsReadPosition() {
		DataBuffer buffer = buffer("xxdata: a\n\n".getBytes(StandardCharsets.UTF_8));
		buffer.readPosition(2);
		assertThat(new ServerSentEventParser().feed(buffer)).extracting(ServerSentEvent::dataAsText)
			.containsExactly("a");
	}

	@Test
	void eventLargerThanTheLimitFailsInsteadOfFillingTheMemory() {
		ServerSentEventParser parser = new ServerSentEventParser();
		byte[] huge = new byte[ServerSentEventParser.MAX_EVENT_BYTES / 4];
		Arrays.fill(huge, (byte) 'x');
		parser.feed(buffer("data: ".getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < 3; i++) {
			assertThat(parser.feed(buffer(huge))).isEmpty();
		}
		assertThatExceptionOfType(DataBufferLimitException.class).isThrownBy(() -> parser.feed(buffer(huge)))
			.withMessageContaining("exceeds " + ServerSentEventParser.MAX_EVENT_BYTES);
	}

	private List<ServerSentEvent> parse(String body) {
		return new ServerSentEventParser().feed(buffer(body.getBytes(StandardCharsets.UTF_8)));
	}

	private DataBuffer buffer(byte[] bytes) {
		return this.bufferFactory.wrap(bytes);
	}

}
