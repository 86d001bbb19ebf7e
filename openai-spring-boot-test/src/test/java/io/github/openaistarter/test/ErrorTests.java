package io.github.openaistarter.test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.chat.model.ToolChoice;
import io.github.openaistarter.core.AuthenticationException;
import io.github.openaistarter.core.BadRequestException;
import io.github.openaistarter.core.NotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Errors in OpenAI's format: authentication, unknown ids and paths, and what the API
 * validates.
 */
@ExtendWith(OpenAiFakeExtension.class)
class ErrorTests {

	private static final String HI = "[{\"role\":\"user\",\"content\":\"hi\"}]";

	private final OpenAiFakeServer fake;

	ErrorTests(OpenAiFakeServer fake) {
		this.fake = fake;
	}

	@Test
	void refusesARequestWithoutKey() {
		ChatCompletionsOperations chat = Clients.chat(this.fake, (transport) -> transport.apiKey(null));
		assertThatExceptionOfType(AuthenticationException.class).isThrownBy(() -> chat.list()).satisfies((ex) -> {
			assertThat(ex.statusCode().value()).isEqualTo(401);
			assertThat(ex.errorCode()).isNull();
			assertThat(ex.errorType()).isEqualTo("invalid_request_error");
			assertThat(ex.errorMessage()).startsWith("You didn't provide an API key");
			assertThat(ex.requestId()).startsWith("req_");
		});
	}

	@Test
	void refusesAnotherKeyThanTheRequiredOne() {
		try (OpenAiFakeServer strict = OpenAiFakeServer.builder().apiKey("sk-right-key-123").start()) {
			assertThat(strict.apiKey()).isEqualTo("sk-right-key-123");
			assertThatExceptionOfType(AuthenticationException.class)
				.isThrownBy(() -> Clients.chat(strict).create(List.of(ChatMessage.user("hi"))))
				.satisfies((ex) -> {
					assertThat(ex.errorCode()).isEqualTo("invalid_api_key");
					assertThat(ex.errorMessage()).startsWith("Incorrect API key provided").doesNotContain("sk-test");
				});
			ChatCompletionsOperations chat = Clients.chat(strict, (transport) -> transport.apiKey(strict.apiKey()));
			assertThat(chat.create(List.of(ChatMessage.user("hi"))).text()).isEqualTo("echo: hi");
		}
	}

	@Test
	void answersNotFoundForUnknownIdsAndPaths() {
		ChatCompletionsOperations chat = Clients.chat(this.fake);
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> chat.retrieve("chatcmpl-unknown"))
			.satisfies((ex) -> {
				assertThat(ex.errorType()).isEqualTo("invalid_request_error");
				assertThat(ex.errorParam()).isNull();
				assertThat(ex.errorCode()).isNull();
			});
		HttpResponse<String> response = RawHttp.send(this.fake, "GET", "/assistants", null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(RawHttp.error(response).path("message").asString()).isEqualTo("Invalid URL (GET /v1/assistants)");
		assertThat(response.headers().firstValue("x-request-id"))
			.hasValueSatisfying((id) -> assertThat(id).startsWith("req_"));
		assertThat(response.headers().firstValue("x-ratelimit-remaining-tokens")).isPresent();
		assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
	}

	@Test
	void refusesAToolChoiceWithoutTools() {
		ChatCompletionsOperations chat = Clients.chat(this.fake);
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("hi"))
			.toolChoice(ToolChoice.REQUIRED)
			.build();
		assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> chat.create(request))
			.satisfies((ex) -> assertThat(ex.errorParam()).isEqualTo("tool_choice"));
	}

	@Test
	void refusesStreamOptionsWithoutStream() {
		assertBadRequest(
				create("{\"model\":\"gpt-4o\",\"messages\":" + HI + ",\"stream_options\":{\"include_usage\":true}}"),
				"stream_options", null);
		// the client leaves stream_options out of a plain create, so reusing a streaming
		// request works
		ChatCompletionRequest request = ChatCompletionRequest.builder()
			.message(ChatMessage.user("hi"))
			.streamOptions(io.github.openaistarter.chat.model.StreamOptions.INCLUDE_USAGE)
			.build();
		assertThat(Clients.chat(this.fake).create(request).text()).isEqualTo("echo: hi");
	}

	@Test
	void validatesModelAndMessages() {
		assertBadRequest(create("{\"messages\":" + HI + "}"), "model", "missing_required_parameter");
		assertBadRequest(create("{\"model\":\"\",\"messages\":" + HI + "}"), "model", "invalid_type");
		assertBadRequest(create("{\"model\":\"gpt-4o\"}"), "messages", "missing_required_parameter");
		assertBadRequest(create("{\"model\":\"gpt-4o\",\"messages\":[]}"), "messages", "empty_array");
		assertBadRequest(create("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"),
				"messages[0].role", "invalid_value");
		assertBadRequest(create("{\"model\":\"gpt-4o\",\"messages\":" + HI + ",\"n\":0}"), "n", "invalid_value");
		assertBadRequest(create("not json"), null, null);
		assertThat(this.fake.requests()).hasSize(7);
	}

	@Test
	void validatesMetadataLimits() {
		String seventeen = IntStream.range(0, 17)
			.mapToObj((i) -> "\"k" + i + "\":\"v\"")
			.collect(Collectors.joining(","));
		assertBadRequest(create(withMetadata("{" + seventeen + "}")), "metadata", "object_above_max_properties");
		assertBadRequest(create(withMetadata("{\"" + "k".repeat(65) + "\":\"v\"}")), "metadata",
				"string_above_max_length");
		assertBadRequest(create(withMetadata("{\"k\":\"" + "v".repeat(513) + "\"}")), "metadata.k",
				"string_above_max_length");
		assertBadRequest(create(withMetadata("{\"k\":1}")), "metadata.k", "invalid_type");
		String longKeys = IntStream.range(0, 16)
			.mapToObj((i) -> "\"" + "k".repeat(64) + (char) ('a' + i) + "\":\"v\"")
			.collect(Collectors.joining(","));
		assertThat(create(withMetadata("{" + longKeys + "}")).statusCode()).isEqualTo(400);
		String sixteenShortKeys = IntStream.range(0, 16)
			.mapToObj((i) -> "\"k" + i + "\":\"" + "v".repeat(512) + "\"")
			.collect(Collectors.joining(","));
		assertThat(create(withMetadata("{" + sixteenShortKeys + "}")).statusCode()).isEqualTo(200);
	}

	@Test
	void acceptsOnlyMetadataInAnUpdate() {
		String stored = "{\"model\":\"gpt-4o\",\"messages\":" + HI + ",\"store\":true}";
		String id = RawHttp.json(create(stored)).path("id").asString();
		assertBadRequest(
				RawHttp.send(this.fake, "POST", "/chat/completions/" + id, "{\"metadata\":{},\"model\":\"x\"}"),
				"model", "unknown_parameter");
		assertBadRequest(RawHttp.send(this.fake, "POST", "/chat/completions/" + id, "{}"), "metadata",
				"missing_required_parameter");
		assertBadRequest(RawHttp.send(this.fake, "POST", "/chat/completions/" + id, "{\"metadata\":[]}"), "metadata",
				"invalid_type");
		HttpResponse<String> updated = RawHttp.send(this.fake, "POST", "/chat/completions/" + id,
				"{\"metadata\":{\"a\":\"b\"}}");
		assertThat(RawHttp.json(updated).path("metadata").path("a").asString()).isEqualTo("b");
	}

	@Test
	void validatesListParameters() {
		assertBadRequest(RawHttp.send(this.fake, "GET", "/chat/completions?limit=0", null), "limit", "invalid_value");
		assertBadRequest(RawHttp.send(this.fake, "GET", "/chat/completions?limit=many", null), "limit",
				"invalid_value");
		assertBadRequest(RawHttp.send(this.fake, "GET", "/chat/completions?order=newest", null), "order",
				"invalid_value");
		assertBadRequest(RawHttp.send(this.fake, "GET", "/chat/completions?metadata=topic:x", null), "metadata",
				"invalid_value");
		assertBadRequest(RawHttp.send(this.fake, "GET", "/chat/completions?page=2", null), "page", "unknown_parameter");
		assertThat(RawHttp.send(this.fake, "GET", "/chat/completions?metadata%5Btopic%5D=x&limit=5&order=desc", null)
			.statusCode()).isEqualTo(200);
	}

	@Test
	void listsModels() {
		JsonNode models = RawHttp.json(RawHttp.send(this.fake, "GET", "/models", null));
		assertThat(models.path("object").asString()).isEqualTo("list");
		assertThat(models.path("data").findValuesAsString("id")).contains("gpt-4o-mini", "gpt-4.1");
		JsonNode model = RawHttp.json(RawHttp.send(this.fake, "GET", "/models/gpt-4o-mini", null));
		assertThat(model.path("id").asString()).isEqualTo("gpt-4o-mini");
		assertThat(model.path("object").asString()).isEqualTo("model");
		HttpResponse<String> unknown = RawHttp.send(this.fake, "GET", "/models/gpt-0", null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(RawHttp.error(unknown).path("code").asString()).isEqualTo("model_not_found");
		String root = "http://127.0.0.1:" + this.fake.port() + "/models";
		assertThat(RawHttp.send(root, "GET", null, "Bearer sk-test").statusCode()).isEqualTo(200);
		assertThat(RawHttp.send(root, "GET", null, null).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> create(String body) {
		return RawHttp.send(this.fake, "POST", "/chat/completions", body);
	}

	private static String withMetadata(String metadata) {
		return "{\"model\":\"gpt-4o\",\"messages\":" + HI + ",\"store\":true,\"metadata\":" + metadata + "}";
	}

	private static void assertBadRequest(HttpResponse<String> response, String param, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode error = RawHttp.error(response);
		assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.path("message").asString()).isNotBlank();
		assertThat(error.path("param").asString(null)).isEqualTo(param);
		assertThat(error.path("code").asString(null)).isEqualTo(code);
	}

}
