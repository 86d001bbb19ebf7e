package io.github.openaistarter.chat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.test.StepVerifier;

import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionChunk;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.NotFoundException;
import io.github.openaistarter.core.OpenAiApiException;
import io.github.openaistarter.core.OpenAiStreamException;
import io.github.openaistarter.core.UnexpectedStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * OpenAI-compatible servers that we did not write, read tolerantly: each test answers
 * with a server's exact bytes (string errors, problem details, streams without
 * {@code [DONE]} or with other event names, errors sent with 200), and the client ends
 * normally or fails with a typed exception keeping the server's message.
 */
@Timeout(30)
class CompatibleServerHttpTests extends HttpTestSupport {

	private static final ChatCompletionRequest HI = ChatCompletionRequest.builder()
		.model("llama3")
		.message(ChatMessage.user("hi"))
		.build();

	private static final String CHUNK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
			+ "\"model\":\"llama3\",\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}";

	private static String chunk(String delta, String finishReason) {
		return "data: " + CHUNK.formatted(delta, finishReason) + "\n\n";
	}

	@Test
	void aStreamChunkWhoseErrorIsAStringIsAStreamExceptionWithTheMessage() {
		enqueue(eventStream(
				"data: {\"error\":\"Bad Request\",\"message\":\"model is not supported\",\"status\":400}\n\n")
			.build());
		StepVerifier.create(this.reactive.stream(HI)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(OpenAiStreamException.class)
				.hasMessageContaining("Bad Request: model is not supported");
			assertThat(((OpenAiStreamException) ex).error().message()).isEqualTo("Bad Request: model is not supported");
		}).verify();
	}

	@Test
	void aStreamThatEndsWithoutDoneAfterEveryChoiceFinishedEndsNormally() {
		enqueue(eventStream(chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", "null")
				+ chunk("{\"content\":\"lo\"}", "null") + chunk("{}", "\"stop\""))
			.build());
		ChatCompletion completion = this.chat.stream(HI, (chunk) -> {
		});
		assertThat(completion.text()).isEqualTo("Hello");
		enqueue(eventStream(chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", "null")).build());
		assertThatExceptionOfType(OpenAiStreamException.class).isThrownBy(() -> this.chat.stream(HI, (chunk) -> {
		})).withMessageContaining("ended before [DONE]");
	}

	@Test
	void eventsWithAnotherNameAreSkipped() {
		enqueue(eventStream(chunk("{\"role\":\"assistant\",\"content\":\"Hi\"}", "null") + chunk("{}", "\"stop\"")
				+ "event: done\ndata: {}\n\n" + "event: message\n" + chunk("{}", "null").substring(0)
				+ "data: [DONE]\n\n")
			.build());
		List<ChatCompletionChunk> chunks = this.reactive.stream(HI).collectList().block();
		assertThat(chunks).hasSize(3).allSatisfy((chunk) -> assertThat(chunk.id()).isEqualTo("chatcmpl-1"));
	}

	@Test
	void errorBodiesWhoseErrorIsAStringKeepTheirMessage() {
		enqueue(jsonResponse(404,
				"{\"error\":\"Not Found\",\"message\":\"Cannot GET /v1/chat/completions/x\"," + "\"statusCode\":404}")
			.build());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.retrieve("x"))
			.satisfies((ex) -> assertThat(ex.errorMessage()).isEqualTo("Not Found: Cannot GET /v1/chat/completions/x"));
	}

	@Test
	void problemDetailsKeepTheirTitleAndDetail() {
		enqueue(jsonResponse(400,
				"{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
						+ "\"detail\":\"Unknown model llama9\",\"instance\":\"/v1/chat/completions\"}")
			.setHeader("Content-Type", "application/problem+json")
			.build());
		assertThatExceptionOfType(OpenAiApiException.class).isThrownBy(() -> this.chat.create(HI))
			.satisfies((ex) -> assertThat(ex.errorMessage()).isEqualTo("Bad Request: Unknown model llama9"));
		enqueue(jsonResponse(404, "{\"detail\":\"Not Found\"}").build());
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.chat.retrieve("x"))
			.satisfies((ex) -> assertThat(ex.errorMessage()).isEqualTo("Not Found"));
		enqueue(jsonResponse(400, "{\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":"
				+ "\"BadRequestError\",\"param\":null,\"code\":400}")
			.build());
		assertThatExceptionOfType(OpenAiApiException.class).isThrownBy(() -> this.chat.create(HI)).satisfies((ex) -> {
			assertThat(ex.errorMessage()).isEqualTo("max_tokens is too large");
			assertThat(ex.errorType()).isEqualTo("BadRequestError");
			assertThat(ex.errorCode()).isEqualTo("400");
		});
	}

	@Test
	void aCreateAnsweredWithAnErrorAnd200Fails() {
		enqueue(jsonResponse(200, " {\n \"error\": {\"message\": \"The model llama9 is not loaded\", \"type\":"
				+ " \"invalid_request_error\", \"code\": \"model_not_loaded\"}}")
			.build());
		assertThatExceptionOfType(UnexpectedStatusException.class).isThrownBy(() -> this.chat.create(HI))
			.satisfies((ex) -> {
				assertThat(ex.errorMessage()).isEqualTo("The model llama9 is not loaded");
				assertThat(ex.errorCode()).isEqualTo("model_not_loaded");
				assertThat(ex.requestId()).isEqualTo("req_test_1");
			});
	}

}
