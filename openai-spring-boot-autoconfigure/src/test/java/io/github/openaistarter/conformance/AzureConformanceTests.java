package io.github.openaistarter.conformance;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import io.github.openaistarter.chat.ChatCompletionsClient;
import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.ChatCompletionsTemplate;
import io.github.openaistarter.chat.model.ChatCompletion;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;
import io.github.openaistarter.core.AuthenticationException;
import io.github.openaistarter.core.OpenAiTransport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Azure OpenAI's two route styles against {@code ../shared/openai-fake}, which serves
 * both, checks {@code api-version} and records which credential came: the v1 API under
 * {@code /openai/v1}, and the deployment routes for create and stream (the other
 * operations going to the v1 API); the key always in the {@code api-key} header; no
 * violation at the end.
 */
@Timeout(60)
class AzureConformanceTests {

	private static SharedOpenAiFake fake;

	@BeforeAll
	static void startFake() throws Exception {
		fake = SharedOpenAiFake.start();
	}

	@AfterAll
	static void noViolations() {
		SharedOpenAiFake.stopWithoutViolations(fake);
	}

	private static ChatCompletionsOperations chat(OpenAiTransport transport) {
		return new ChatCompletionsTemplate(new ChatCompletionsClient(transport, Map.of("model", "my-gpt-deployment")));
	}

	private static ChatCompletionsOperations azure(String baseUrl, String apiVersion, String apiKey) {
		return chat(fake.transport(apiKey).baseUrl(baseUrl).azure(apiVersion).build());
	}

	@Test
	void theV1ApiServesEveryOperationWithTheKeyInTheApiKeyHeader() {
		fake.reset();
		ChatCompletionsOperations chat = azure(fake.root() + "/openai/v1", null, "azure-key-1");
		everyOperation(chat);
		assertThat(requests()).allSatisfy((request) -> {
			assertThat(request.path("path").asString()).startsWith("/openai/v1/");
			assertThat(request.path("auth").asString()).isEqualTo("api-key");
			assertThat(request.path("headers").has("authorization")).isFalse();
		});
	}

	@Test
	void theDeploymentRoutesServeCreateAndStreamTheV1ApiTheRest() {
		fake.reset();
		ChatCompletionsOperations chat = azure(fake.root(), "2024-10-21", "azure-key-2");
		everyOperation(chat);
		List<JsonNode> requests = requests();
		assertThat(requests).allSatisfy((request) -> assertThat(request.path("auth").asString()).isEqualTo("api-key"));
		assertThat(requests.stream()
			.filter((request) -> request.path("method").asString().equals("POST")
					&& !request.path("path").asString().matches("/openai/v1/chat/completions/.+"))
			.map((request) -> request.path("path").asString() + request.path("query").asString())
			.collect(Collectors.toSet()))
			.containsExactly("/openai/deployments/my-gpt-deployment/chat/completions?api-version=2024-10-21");
		assertThat(requests).filteredOn((request) -> request.path("method").asString().equals("GET"))
			.allSatisfy((request) -> assertThat(request.path("path").asString()).startsWith("/openai/v1/"));
	}

	@Test
	void aRejectedKeyIsAnAuthenticationErrorInAzuresFormat() {
		ChatCompletionsOperations chat = azure(fake.root() + "/openai/v1", null, "sk-invalid");
		assertThatExceptionOfType(AuthenticationException.class)
			.isThrownBy(() -> chat.create(List.of(ChatMessage.user("hi"))))
			.satisfies(
					(ex) -> assertThat(ex.errorMessage()).startsWith("Access denied due to invalid subscription key"));
	}

	private static void everyOperation(ChatCompletionsOperations chat) {
		ChatCompletion stored = chat.create(ChatCompletionRequest.builder()
			.message(ChatMessage.user("Hello Azure"))
			.store(true)
			.metadata(Map.of("topic", "azure"))
			.build());
		assertThat(stored.text()).isEqualTo("echo: Hello Azure");
		assertThat(chat.stream(ChatCompletionRequest.of(List.of(ChatMessage.user("stream it"))), (chunk) -> {
		}).text()).isEqualTo("echo: stream it");
		assertThat(chat.retrieve(stored.id()).id()).isEqualTo(stored.id());
		assertThat(chat.update(stored.id(), Map.of("topic", "updated")).metadata()).containsEntry("topic", "updated");
		assertThat(chat.list().data()).extracting(ChatCompletion::id).contains(stored.id());
		assertThat(chat.listMessages(stored.id()).data()).hasSize(1);
		assertThat(chat.delete(stored.id()).deleted()).isTrue();
	}

	private static List<JsonNode> requests() {
		return fake.requests()
			.valueStream()
			.filter((request) -> !request.path("path").asString().startsWith("/__fake"))
			.toList();
	}

}
