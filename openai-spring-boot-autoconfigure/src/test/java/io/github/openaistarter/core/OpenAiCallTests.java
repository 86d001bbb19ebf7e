package io.github.openaistarter.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenAiCall}.
 */
class OpenAiCallTests {

	@Test
	void pathSegmentIsPercentEncodedStrictly() {
		OpenAiCall call = OpenAiCall.builder("test", HttpMethod.GET, "/chat/completions")
			.pathSegment("a&b=c+d e/é[0]")
			.build();
		assertThat(call.path()).isEqualTo("/chat/completions/a%26b%3Dc%2Bd%20e%2F%C3%A9%5B0%5D");
		assertThat(call.query()).isEmpty();
		assertThat(call.pathAndQuery()).isEqualTo("/chat/completions/a%26b%3Dc%2Bd%20e%2F%C3%A9%5B0%5D");
	}

	@Test
	void pathSegmentKeepsUnreservedCharacters() {
		OpenAiCall call = OpenAiCall.builder("test", HttpMethod.GET, "/chat/completions")
			.pathSegment("chatcmpl-AZ.az_09~")
			.pathSegment("messages")
			.build();
		assertThat(call.path()).isEqualTo("/chat/completions/chatcmpl-AZ.az_09~/messages");
	}

	@Test
	void queryNamesAndValuesArePercentEncodedStrictly() {
		OpenAiCall call = OpenAiCall.builder("test", HttpMethod.GET, "/chat/completions")
			.query("metadata[topic]", "billing & tax=a+b c/é")
			.build();
		assertThat(call.query()).isEqualTo("metadata%5Btopic%5D=billing%20%26%20tax%3Da%2Bb%20c%2F%C3%A9");
	}

	@Test
	void queryParametersAreJoinedInOrderAndNullValuesSkipped() {
		OpenAiCall call = OpenAiCall.builder("test", HttpMethod.GET, "/chat/completions")
			.query("after", null)
			.query("limit", 20)
			.query("order", null)
			.query("metadata[a]", "1")
			.query("metadata[b]", "2")
			.query("model", null)
			.build();
		assertThat(call.query()).isEqualTo("limit=20&metadata%5Ba%5D=1&metadata%5Bb%5D=2");
		assertThat(call.pathAndQuery()).isEqualTo("/chat/completions?limit=20&metadata%5Ba%5D=1&metadata%5Bb%5D=2");
	}

	@Test
	void onlyNullQueryValuesLeaveNoQuery() {
		OpenAiCall call = OpenAiCall.builder("test", HttpMethod.GET, "/chat/completions").query("after", null).build();
		assertThat(call.query()).isEmpty();
		assertThat(call.pathAndQuery()).isEqualTo("/chat/completions");
	}

	@Test
	void emptyQueryValueIsSent() {
		OpenAiCall call = OpenAiCall.builder("test", HttpMethod.GET, "/chat/completions").query("model", "").build();
		assertThat(call.query()).isEqualTo("model=");
	}

	@Test
	void describeNamesMethodAndPathWithoutQuery() {
		OpenAiCall call = OpenAiCall.builder("chat.completions.retrieve", HttpMethod.GET, "/chat/completions")
			.pathSegment("chatcmpl-1")
			.query("limit", 1)
			.build();
		assertThat(call.describe()).isEqualTo("GET /chat/completions/chatcmpl-1");
		assertThat(call.operation()).isEqualTo("chat.completions.retrieve");
		assertThat(call.method()).isEqualTo(HttpMethod.GET);
	}

	@Test
	void bodyOptionsAndRepeatabilityAreKept() {
		byte[] body = "{}".getBytes();
		RequestOptions options = RequestOptions.builder().timeout(Duration.ofSeconds(5)).maxRetries(0).build();
		OpenAiCall call = OpenAiCall.builder("chat.completions.create", HttpMethod.POST, "/chat/completions")
			.body(body)
			.options(options)
			.repeatable(false)
			.build();
		assertThat(call.body()).isEqualTo(body);
		assertThat(call.options()).isEqualTo(options);
		assertThat(call.repeatable()).isFalse();
	}

	@Test
	void bodyAndOptionsDefaultToNone() {
		OpenAiCall call = OpenAiCall.builder("chat.completions.list", HttpMethod.GET, "/chat/completions").build();
		assertThat(call.body()).isNull();
		assertThat(call.options()).isEqualTo(RequestOptions.NONE);
		assertThat(call.repeatable()).isTrue();
	}

}
