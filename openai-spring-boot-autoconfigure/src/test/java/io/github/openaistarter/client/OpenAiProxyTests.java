package io.github.openaistarter.client;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OpenAiProxy}.
 */
class OpenAiProxyTests {

	@Test
	void loopbackBypassesTheProxyUnlessToldOtherwise() {
		OpenAiProxy proxy = OpenAiProxy.of("proxy.example", 3128);
		assertThat(proxy.nonProxyHosts()).containsExactly("localhost", "127.*", "[::1]");
		assertThat(proxy.nonProxyHostsPattern()).isEqualTo("localhost|127\\..*|\\[::1\\]");
	}

	@Test
	void nonProxyHostsBecomeOneRegularExpressionWithWildcards() {
		OpenAiProxy proxy = OpenAiProxy.of("proxy.example", 3128)
			.withNonProxyHosts(List.of("*.internal.example", "10.*"));
		assertThat(proxy.nonProxyHostsPattern()).isEqualTo(".*\\.internal\\.example|10\\..*");
		assertThat("api.internal.example").matches(proxy.nonProxyHostsPattern());
		assertThat("api.openai.com").doesNotMatch(proxy.nonProxyHostsPattern());
	}

	@Test
	void thePasswordIsNeverPrinted() {
		OpenAiProxy proxy = OpenAiProxy.of("proxy.example", 3128).withCredentials("alice", "s3cret-password");
		assertThat(proxy.toString()).contains("alice").doesNotContain("s3cret-password");
	}

	@Test
	void anImpossiblePortIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> OpenAiProxy.of("proxy.example", 0))
			.withMessage("port must be between 1 and 65535");
	}

}
