package io.github.openaistarter.test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import io.github.openaistarter.chat.ChatCompletionsOperations;
import io.github.openaistarter.chat.model.ChatCompletionRequest;
import io.github.openaistarter.chat.model.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link OpenAiFakeExtension}: one fake per test class, injected, reset before each test,
 * closed after the class. The example classes run through the JUnit Platform test kit, so
 * this test sees the whole lifecycle.
 */
class OpenAiFakeExtensionTests {

	static final List<OpenAiFakeServer> seen = new ArrayList<>();

	@Test
	void runsOneFakePerClassResetBeforeEachTestAndClosedAfterTheClass() {
		seen.clear();
		Events tests = run(DefaultFakeExample.class);
		tests.assertStatistics((stats) -> stats.started(3).succeeded(3));
		assertThat(seen).hasSize(5).allSatisfy((fake) -> assertThat(fake).isSameAs(seen.get(0)));
		assertClosed(seen.get(0));
	}

	@Test
	void startsAConfiguredFakeFromAField() {
		seen.clear();
		run(ConfiguredFakeExample.class).assertStatistics((stats) -> stats.started(1).succeeded(1));
		assertThat(seen).hasSize(1);
		assertClosed(seen.get(0));
	}

	private static Events run(Class<?> testClass) {
		return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
	}

	private static void assertClosed(OpenAiFakeServer fake) {
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> RawHttp.send(fake, "GET", "/models", null));
	}

	@ExtendWith(OpenAiFakeExtension.class)
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class DefaultFakeExample {

		private final ChatCompletionsOperations chat;

		DefaultFakeExample(OpenAiFakeServer fake) {
			this.chat = Clients.chat(fake);
			seen.add(fake);
		}

		@Test
		@Order(1)
		void storesACompletion(OpenAiFakeServer fake) {
			seen.add(fake);
			fake.answerWith("stored");
			this.chat.create(ChatCompletionRequest.builder().message(ChatMessage.user("keep")).store(true).build());
			assertThat(this.chat.list().data()).hasSize(1);
		}

		@Test
		@Order(2)
		void startsFromScratch(OpenAiFakeServer fake) {
			assertThat(this.chat.list().data()).isEmpty();
			assertThat(fake.requests()).hasSize(1);
			assertThat(this.chat.create(List.of(ChatMessage.user("hi"))).text()).isEqualTo("echo: hi");
		}

		@Nested
		class Inner {

			@Test
			void sharesTheFakeOfTheEnclosingClass(OpenAiFakeServer fake) {
				seen.add(fake);
			}

		}

	}

	static class ConfiguredFakeExample {

		@RegisterExtension
		static final OpenAiFakeExtension openAi = new OpenAiFakeExtension(
				OpenAiFakeServer.builder().apiKey("sk-configured").answerWith("configured"));

		@Test
		void usesTheConfiguration() {
			OpenAiFakeServer fake = openAi.server();
			seen.add(fake);
			assertThat(fake.properties()).containsEntry("openai.api-key", "sk-configured");
			assertThat(RawHttp.send(fake, "GET", "/models", null).statusCode()).isEqualTo(401);
			ChatCompletionsOperations chat = Clients.chat(fake, (transport) -> transport.apiKey("sk-configured"));
			assertThat(chat.create(List.of(ChatMessage.user("hi"))).text()).isEqualTo("configured");
			assertThat(fake.requests()).hasSize(2);
		}

	}

}
