package io.github.openaistarter.chat;

import java.time.Duration;
import java.util.List;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.BadRequestException;
import io.github.openaistarter.core.InternalServerException;
import io.github.openaistarter.core.OpenAiConnectionPool;
import io.github.openaistarter.core.OpenAiDecodingException;
import io.github.openaistarter.core.OpenAiException;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Answers that are not what they should be: cut-off or malformed JSON, HTML where JSON
 * belongs, huge error bodies. Each becomes its typed exception with a message of bounded
 * length, and the connection goes back to the pool (run with
 * {@code -Dio.netty.leakDetection.level=paranoid} to check no buffer leaks).
 */
@Timeout(20)
@ExtendWith(NettyLeakCheck.class)
class MalformedResponseHttpTests extends PooledHttpTestSupport {

	/** The longest exception message these answers may produce. */
	private static final int MAX_MESSAGE_LENGTH = 1200;

	private static final ChatCompletionRequest HELLO = ChatCompletionRequest.of("gpt-4.1",
			List.of(ChatMessage.user("Hello!")));

	private static final int FIVE_MB = 5 * 1024 * 1024;

	@BeforeEach
	void usePool() {
		usePooledClient(pooledTransport(OpenAiConnectionPool.builder().build())
			.retryPolicy(RetryPolicy.DEFAULT.withMaxRetries(0)));
	}

	@Test
	void truncatedJsonBecomesDecodingException() {
		enqueue(jsonResponse(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,")
			.build());

		assertThatExceptionOfType(OpenAiDecodingException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.getMessage())
					.startsWith("Could not read the answer of POST /chat/completions as" + " ChatCompletion: ");
				assertThat(ex.requestId()).isEqualTo("req_test_1");
				assertBounded(ex);
			});
		awaitActiveConnections(0);
	}

	@Test
	void malformedJsonBecomesDecodingException() {
		enqueue(jsonResponse(200, "{\"id\": chatcmpl-1, \"object\": }").build());

		StepVerifier.create(this.reactive.retrieve("chatcmpl-1")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiDecodingException.class)
				.hasMessageStartingWith(
						"Could not read the answer of GET /chat/completions/chatcmpl-1 as" + " ChatCompletion: ");
			assertBounded((OpenAiException) ex);
		}).verify(Duration.ofSeconds(5));
		awaitActiveConnections(0);
	}

	@Test
	void htmlBodyOfASuccessBecomesDecodingException() {
		enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/html")
			.body(html(FIVE_MB))
			.build());

		assertThatExceptionOfType(OpenAiDecodingException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.getMessage())
					.startsWith("Could not read the answer of POST /chat/completions as" + " ChatCompletion: ");
				assertBounded(ex);
			});
		awaitActiveConnections(0);
	}

	@Test
	void htmlBodyOfAStreamBecomesStreamException() {
		enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/html")
			.body(html(64 * 1024))
			.build());

		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> this.chat.stream(HELLO, (chunk) -> {
		})).satisfies((ex) -> {
			assertThat(ex.getMessage()).contains("ended before [DONE]");
			assertBounded(ex);
		});
		awaitActiveConnections(0);
	}

	@Test
	void hugeHtmlErrorBodyGivesABoundedMessage() {
		enqueue(new MockResponse.Builder().code(502)
			.addHeader("Content-Type", "text/html")
			.body(html(FIVE_MB))
			.build());

		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.statusCode().value()).isEqualTo(502);
				assertThat(ex.getMessage()).startsWith("POST /chat/completions failed with 502: <!DOCTYPE html>");
				assertThat(ex.errorMessage()).hasSize(303).endsWith("...");
				assertBounded(ex);
			});
		awaitActiveConnections(0);
	}

	@Test
	void hugeJsonErrorBodyGivesABoundedMessage() {
		enqueue(jsonResponse(500, "{\"error\":{\"message\":\"" + "x".repeat(FIVE_MB) + "\",\"type\":\"server_error\"}}")
			.build());

		StepVerifier.create(this.reactive.stream(HELLO)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(InternalServerException.class);
			assertThat(((InternalServerException) ex).errorMessage()).startsWith("{\"error\":{\"message\":\"xxx")
				.hasSize(303);
			assertBounded((OpenAiException) ex);
		}).verify(Duration.ofSeconds(10));
		awaitActiveConnections(0);
	}

	@Test
	void longErrorMessageInAWellFormedErrorGivesABoundedMessage() {
		String longMessage = "Invalid value: " + "y".repeat(40_000);
		enqueue(jsonResponse(400, "{\"error\":{\"message\":\"" + longMessage + "\",\"type\":\"invalid_request_error\","
				+ "\"param\":\"messages\",\"code\":null}}")
			.build());

		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> this.chat.create(HELLO))
			.satisfies((ex) -> {
				assertThat(ex.errorMessage()).as("the whole message stays available").isEqualTo(longMessage);
				assertThat(ex.errorParam()).isEqualTo("messages");
				assertThat(ex.getMessage()).startsWith("POST /chat/completions failed with 400: Invalid value: yyy")
					.endsWith("(type=invalid_request_error, param=messages) [request id req_test_1]");
				assertBounded(ex);
			});
	}

	@Test
	void longErrorEventInAStreamGivesABoundedMessage() {
		String longMessage = "Overloaded " + "z".repeat(40_000);
		enqueue(eventStream(ONCE_CHUNK_EVENT + "data: {\"error\":{\"message\":\"" + longMessage
				+ "\",\"type\":\"server_error\"}}\n\n")
			.build());

		StepVerifier.create(this.reactive.stream(HELLO)).expectNextCount(1).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiStreamException.class);
			assertThat(((OpenAiStreamException) ex).error().message()).isEqualTo(longMessage);
			assertBounded((OpenAiException) ex);
		}).verify(Duration.ofSeconds(5));
	}

	@Test
	void malformedChunkGivesABoundedMessage() {
		enqueue(eventStream(ONCE_CHUNK_EVENT + "data: {\"id\":\"" + "w".repeat(100_000) + "\n\n").build());

		StepVerifier.create(this.reactive.stream(HELLO)).expectNextCount(1).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(OpenAiDecodingException.class)
				.hasMessageStartingWith("Could not read a chunk of POST /chat/completions: ");
			assertBounded((OpenAiException) ex);
		}).verify(Duration.ofSeconds(5));
		awaitActiveConnections(0);
	}

	@Test
	void emptyErrorBodyAndUnknownContentTypeStillGiveTypedExceptions() {
		enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "application/octet-stream").build());
		enqueue(jsonResponse(200, "").build());

		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.chat.create(HELLO))
			.withMessage("POST /chat/completions failed with 503: no error details");
		assertThatExceptionOfType(OpenAiDecodingException.class).isThrownBy(() -> this.chat.create(HELLO))
			.withMessage("POST /chat/completions answered 200 with an empty body");
	}

	private static void assertBounded(OpenAiException ex) {
		assertThat(ex.getMessage()).hasSizeLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
		assertThat(ex.toString()).hasSizeLessThanOrEqualTo(MAX_MESSAGE_LENGTH + 100);
	}

	private static String html(int size) {
		StringBuilder html = new StringBuilder(size + 100)
			.append("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>");
		while (html.length() < size) {
			html.append("<p>The upstream server is unavailable. Please try again later.</p>\n");
		}
		return html.append("</body></html>").toString();
	}

}
