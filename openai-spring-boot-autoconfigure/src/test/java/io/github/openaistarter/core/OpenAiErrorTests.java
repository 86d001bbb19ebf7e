package io.github.openaistarter.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenAiError}.
 */
class OpenAiErrorTests {

	@Test
	void describeListsMessageTypeCodeAndParam() {
		OpenAiError error = new OpenAiError("Invalid model", "invalid_request_error", "model_not_found", "model");
		assertThat(error.describe())
			.isEqualTo("Invalid model (type=invalid_request_error, code=model_not_found, param=model)");
	}

	@Test
	void describeLeavesOutMissingDetails() {
		assertThat(new OpenAiError("Slow down", null, "rate_limit_exceeded", null).describe())
			.isEqualTo("Slow down (code=rate_limit_exceeded)");
		assertThat(new OpenAiError("Plain", null, null, null).describe()).isEqualTo("Plain");
	}

	@Test
	void describeWithoutMessageSaysSo() {
		assertThat(OpenAiError.NONE.describe()).isEqualTo("no error details");
		assertThat(new OpenAiError(null, "server_error", null, null).describe())
			.isEqualTo("no error details (type=server_error)");
	}

	@Test
	void describeRedactsKeysInTheMessage() {
		OpenAiError error = new OpenAiError("Incorrect API key provided: sk-proj-abc123***xyz9.",
				"invalid_request_error", "invalid_api_key", null);
		assertThat(error.describe())
			.isEqualTo("Incorrect API key provided: sk-***. (type=invalid_request_error, code=invalid_api_key)");
	}

	@Test
	void describeShortensWhatTheServerMadeLongButKeepsItWhole() {
		String message = "m".repeat(1001);
		OpenAiError error = new OpenAiError(message, "t".repeat(201), "c".repeat(200), null);
		assertThat(error.describe())
			.isEqualTo("m".repeat(1000) + "... (type=" + "t".repeat(200) + "..., code=" + "c".repeat(200) + ")");
		assertThat(error.message()).isEqualTo(message);
		assertThat(error.type()).hasSize(201);
		assertThat(new OpenAiError("m".repeat(1000), null, null, null).describe()).isEqualTo("m".repeat(1000));
	}

}
