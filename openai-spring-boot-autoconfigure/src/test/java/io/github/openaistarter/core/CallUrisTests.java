package io.github.openaistarter.core;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The URI each call goes to: the latest one given again to a call with the same route,
 * never to a call whose method, path, query or Azure deployment differs.
 */
class CallUrisTests {

	private final CallUris openAi = new CallUris("https://api.openai.com/v1", null);

	private final CallUris azure = new CallUris("https://res.openai.azure.com",
			new AzureRoutes("https://res.openai.azure.com", "2024-10-21"));

	@Test
	void callsToTheSameRouteShareOneUri() {
		URI first = this.openAi.of(create("gpt-4.1"));

		assertThat(first).hasToString("https://api.openai.com/v1/chat/completions");
		assertThat(this.openAi.of(create("gpt-4.1"))).isSameAs(first);
		assertThat(this.openAi.of(create("gpt-4.1-mini"))).as("the model is not in an OpenAI route").isSameAs(first);
	}

	@Test
	void aCallToAnotherRouteGetsItsOwnUri() {
		URI create = this.openAi.of(create("gpt-4.1"));
		OpenAiCall list = OpenAiCall.builder("chat.completions.list", HttpMethod.GET, "/chat/completions")
			.query("limit", 20)
			.build();
		OpenAiCall listAll = OpenAiCall.builder("chat.completions.list", HttpMethod.GET, "/chat/completions").build();
		OpenAiCall retrieve = OpenAiCall.builder("chat.completions.retrieve", HttpMethod.GET, "/chat/completions")
			.pathSegment("chatcmpl-1")
			.build();

		assertThat(this.openAi.of(list)).hasToString("https://api.openai.com/v1/chat/completions?limit=20");
		assertThat(this.openAi.of(listAll)).hasToString("https://api.openai.com/v1/chat/completions")
			.as("another method")
			.isNotSameAs(create);
		assertThat(this.openAi.of(retrieve)).hasToString("https://api.openai.com/v1/chat/completions/chatcmpl-1");
		assertThat(this.openAi.of(create("gpt-4.1"))).isEqualTo(create);
	}

	@Test
	void azureCallsToAnotherDeploymentGetTheirOwnUri() {
		URI first = this.azure.of(create("gpt-4.1"));

		assertThat(this.azure.of(create("gpt-4.1"))).isSameAs(first);
		assertThat(this.azure.of(create("gpt-4.1-mini"))).hasToString(
				"https://res.openai.azure.com/openai/deployments/gpt-4.1-mini/chat/completions?api-version=2024-10-21");
		assertThat(this.azure.of(create("gpt-4.1"))).hasToString(
				"https://res.openai.azure.com/openai/deployments/gpt-4.1/chat/completions?api-version=2024-10-21");
	}

	private static OpenAiCall create(String model) {
		return OpenAiCall.builder("chat.completions.create", HttpMethod.POST, "/chat/completions")
			.body("{}".getBytes())
			.model(model)
			.build();
	}

}
