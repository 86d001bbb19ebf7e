package io.github.openaistarter.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Secrets}.
 */
class SecretsTests {

	@Test
	void redactReplacesProjectKey() {
		assertThat(Secrets.redact("Incorrect API key provided: sk-proj-AbC_123-xyz. Find your key at ..."))
			.isEqualTo("Incorrect API key provided: sk-***. Find your key at ...");
	}

	@Test
	void redactReplacesKeyPartlyMaskedByTheServer() {
		assertThat(Secrets.redact("Incorrect API key provided: sk-abc*********************wxyz."))
			.isEqualTo("Incorrect API key provided: sk-***.");
	}

	@Test
	void redactReplacesEveryKey() {
		assertThat(Secrets.redact("sk-first and (sk-second)")).isEqualTo("sk-*** and (sk-***)");
	}

	@Test
	void redactKeepsWordsThatMerelyContainSk() {
		String text = "a task-force took a risk-free ask-me";
		assertThat(Secrets.redact(text)).isEqualTo(text);
	}

	@Test
	void redactKeepsTooShortPrefix() {
		assertThat(Secrets.redact("prefix sk-1 only")).isEqualTo("prefix sk-1 only");
	}

	@Test
	void redactKeepsTextWithoutKeys() {
		assertThat(Secrets.redact("The model `gpt-9` does not exist")).isEqualTo("The model `gpt-9` does not exist");
		assertThat(Secrets.redact("")).isEmpty();
	}

	@Test
	void maskHidesSetSecret() {
		assertThat(Secrets.mask("sk-proj-secret")).isEqualTo("******");
		assertThat(Secrets.mask("x")).isEqualTo("******");
	}

	@Test
	void maskSaysNoneForMissingSecret() {
		assertThat(Secrets.mask(null)).isEqualTo("(none)");
		assertThat(Secrets.mask("")).isEqualTo("(none)");
	}

}
